using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace ProjectTracker.Api.Common.Csv;

/// <summary>A response that can also be given as a CSV table (Accept: text/csv, or ?format=csv).</summary>
public interface ICsvTable
{
    /// <summary>Suggested file name, without extension.</summary>
    string CsvName { get; }

    IReadOnlyList<string> CsvHeader();

    IEnumerable<IReadOnlyList<object?>> CsvRows();
}

/// <summary>
/// Writes <see cref="ICsvTable"/> responses as CSV for Excel: UTF-8 with a byte-order mark (so
/// Chinese names open correctly), a header row, amounts with four decimals (1 万元 in 亿), and text
/// that a spreadsheet would run as a formula (=, +, -, @) escaped.
/// </summary>
public sealed class CsvOutputFormatter : TextOutputFormatter
{
    public const string MediaType = "text/csv";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        TrueValue = "true",
        FalseValue = "false",
    };

    public CsvOutputFormatter()
    {
        SupportedMediaTypes.Add(MediaType);
        SupportedEncodings.Add(Encoding.UTF8);
    }

    protected override bool CanWriteType(Type? type) => type is not null && typeof(ICsvTable).IsAssignableFrom(type);

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        var table = (ICsvTable)context.Object!;
        var response = context.HttpContext.Response;
        var cancellation = context.HttpContext.RequestAborted;
        response.Headers.ContentDisposition = $"attachment; filename=\"{table.CsvName}.csv\"";

        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        foreach (var name in table.CsvHeader()) csv.WriteField(name);
        await csv.EndRecordAsync(cancellation);
        foreach (var row in table.CsvRows())
        {
            foreach (var value in row) Write(csv, value);
            await csv.EndRecordAsync(cancellation);
        }
        await csv.FlushAsync(cancellation);
    }

    /// <summary>Numbers and dates as values (never escaped as formulas), amounts with four decimals, enums as in JSON.</summary>
    public static void Write(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null: csv.WriteField((string?)null); break;
            case decimal amount: csv.WriteField(amount, "0.0000"); break;
            case long number: csv.WriteField(number, default); break;
            case int number: csv.WriteField(number, default); break;
            case DateOnly date: csv.WriteField(date, "yyyy-MM-dd"); break;
            case DateTimeOffset instant: csv.WriteField(instant, "O"); break;
            case bool flag: csv.WriteField(flag); break;
            case Enum e: csv.WriteField(EnumNames.Of(e)); break;
            default: csv.WriteField(value.ToString()); break;
        }
    }
}
