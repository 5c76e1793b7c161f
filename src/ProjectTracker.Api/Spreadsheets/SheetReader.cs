using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using MiniExcelLibs;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>The file formats staff keep projects in.</summary>
public enum SheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Reads a spreadsheet file row by row without loading it whole: CSV with CsvHelper (UTF-8, or GB18030 as Excel
/// saves CSV on Chinese Windows), XLSX with MiniExcel (the first worksheet). Every cell comes out as text: numbers
/// invariantly (24.5), dates as yyyy-MM-dd.
/// </summary>
public sealed class SheetReader : IDisposable
{
    /// <summary>The largest CSV record (row) read; a longer one is malformed input, not a project.</summary>
    private const int MaxRecordSize = 1 << 20;

    private readonly IEnumerator<string?[]> rows;
    private readonly IDisposable? owned;

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private SheetReader(IEnumerable<string?[]> rows, IDisposable? owned)
    {
        this.rows = rows.GetEnumerator();
        this.owned = owned;
        Headers = this.rows.MoveNext() ? this.rows.Current : [];
    }

    /// <summary>The first row.</summary>
    public IReadOnlyList<string?> Headers { get; }

    /// <summary>
    /// The rows after the header with their spreadsheet row numbers (the header is row 1); wholly empty rows are skipped.
    /// </summary>
    public IEnumerable<(int Row, string?[] Cells)> Rows()
    {
        var row = 1;
        while (rows.MoveNext())
        {
            row++;
            var cells = rows.Current;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            yield return (row, cells);
        }
    }

    public static SheetReader Open(string path, SheetFormat format) => format switch
    {
        SheetFormat.Csv => OpenCsv(path),
        _ => new SheetReader(ReadXlsx(path), null),
    };

    /// <summary>The format of a file by its first bytes (an XLSX is a zip), whatever its name says.</summary>
    public static SheetFormat Detect(ReadOnlySpan<byte> start) =>
        start.Length >= 4 && start[0] == (byte)'P' && start[1] == (byte)'K' && start[2] == 3 && start[3] == 4 ? SheetFormat.Xlsx : SheetFormat.Csv;

    private static SheetReader OpenCsv(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var text = new StreamReader(stream, CsvEncoding(path), detectEncodingFromByteOrderMarks: true);
        var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = false, MaxRecordSize = MaxRecordSize, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: false);
        return new SheetReader(ReadCsv(csv), csv);
    }

    private static IEnumerable<string?[]> ReadCsv(CsvReader csv)
    {
        while (csv.Read())
        {
            var cells = new string?[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            yield return cells;
        }
    }

    /// <summary>UTF-8 unless the start of the file is not valid UTF-8, which Excel's Chinese CSV (GB18030) is not.</summary>
    private static Encoding CsvEncoding(string path)
    {
        Span<byte> start = stackalloc byte[64 * 1024];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var sample = start[..read];
        // A multi-byte character may be cut at the end of the sample.
        for (var cut = 0; cut < 4 && sample.Length > 0; cut++)
        {
            if (Utf8.IsValid(sample)) return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            if (read < start.Length) break;
            sample = sample[..^1];
        }
        return Encoding.GetEncoding("GB18030");
    }

    private static IEnumerable<string?[]> ReadXlsx(string path)
    {
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            yield return row.Values.Select(Text).ToArray();
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        double number => ((decimal)number).ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture),
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("s", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public void Dispose()
    {
        rows.Dispose();
        owned?.Dispose();
    }
}
