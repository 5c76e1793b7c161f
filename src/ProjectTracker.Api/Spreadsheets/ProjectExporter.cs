using System.Globalization;
using CsvHelper;
using Dapper;
using FluentValidation;
using ProjectTracker.Api.Common.Data;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using SpreadCheetah;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>The file format of an export.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Which projects to export, and how: the list's filters, a format and the language of the headers.</summary>
public sealed record ExportQuery : ProjectFilter
{
    /// <summary>csv (UTF-8 with BOM, opens in Excel) or xlsx.</summary>
    public ExportFormat? Format { get; init; }

    /// <summary>zh (项目名称 …, places and sectors by Chinese name) or en (nameZh …, by code). Both import back.</summary>
    public SheetHeaders? Headers { get; init; }

    /// <summary>
    /// true (default): 编号 and 版本 first, so the file, edited and imported back, updates these projects (a bulk edit);
    /// false: without them, so the file creates these projects in another database.
    /// </summary>
    public bool? WithIds { get; init; }
}

/// <summary>The import template's format and the language of its headers.</summary>
public sealed record TemplateQuery
{
    /// <summary>xlsx (default) or csv.</summary>
    public ExportFormat? Format { get; init; }

    /// <summary>zh (项目名称 …, default) or en (nameZh …).</summary>
    public SheetHeaders? Headers { get; init; }
}

public sealed class TemplateQueryValidator : AbstractValidator<TemplateQuery>
{
    public TemplateQueryValidator()
    {
        RuleFor(q => q.Format).IsInEnum();
        RuleFor(q => q.Headers).IsInEnum();
    }
}

public sealed class ExportQueryValidator : AbstractValidator<ExportQuery>
{
    public ExportQueryValidator(ProjectFilterValidator filter) => Include(filter);
}

/// <summary>
/// Streams projects into a spreadsheet in the layout imports read (<see cref="ProjectSheet"/>): rows go from an
/// unbuffered query straight into the CSV response (or the workbook's temporary file), so a million projects take
/// constant memory.
/// </summary>
public sealed class ProjectExporter(Database database, ReferenceCatalog referenceData)
{
    private const int FlushEvery = 2_000;

    private static readonly CsvWriterOptions CsvOptions = new() { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public Task WriteAsync(HttpResponse response, ExportQuery query, CancellationToken cancellationToken) =>
        WriteAsync(response, query.Format ?? ExportFormat.Csv, query.Headers ?? SheetHeaders.Zh, query.WithIds ?? true, $"projects-{DateTime.UtcNow:yyyyMMdd-HHmmss}",
            ReadAsync(query, query.Headers ?? SheetHeaders.Zh, query.WithIds ?? true, cancellationToken), cancellationToken);

    /// <summary>The import template: the header row an import reads, and no projects.</summary>
    public Task WriteTemplateAsync(HttpResponse response, TemplateQuery query, CancellationToken cancellationToken) =>
        WriteAsync(response, query.Format ?? ExportFormat.Xlsx, query.Headers ?? SheetHeaders.Zh, withIds: true, "projects-template",
            AsyncEnumerable.Empty<object?[]>(), cancellationToken);

    private static async Task WriteAsync(HttpResponse response, ExportFormat format, SheetHeaders headers, bool withIds, string name, IAsyncEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        response.ContentType = format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}\"";

        var header = ProjectSheet.Columns.Skip(withIds ? 0 : ProjectSheet.IdentityColumns).Select(column => ProjectSheet.Header(column, headers)).ToArray();
        if (format == ExportFormat.Csv) await WriteCsvAsync(response.Body, header, rows, cancellationToken);
        else await WriteXlsxAsync(response, header, rows, headers, cancellationToken);
    }

    /// <summary>The filtered projects, each as its row's cells.</summary>
    private async IAsyncEnumerable<object?[]> ReadAsync(ExportQuery query, SheetHeaders headers, bool withIds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reference = await referenceData.CurrentAsync(cancellationToken);
        var parameters = new DynamicParameters();
        var where = ProjectFilterSql.Conditions(query, reference, parameters, includeDeleted: false);
        var sql = $"{ProjectColumns.Select}\nWHERE {where}\nORDER BY p.id";
        await using var connection = await database.StreamAsync(cancellationToken);
        // Each read waits on the client taking the file; the command timeout bounds each wait, not the whole export.
        await foreach (var row in connection.QueryUnbufferedAsync<ProjectRow>(sql, parameters, commandTimeout: 300).WithCancellation(cancellationToken))
        {
            var cells = ProjectSheet.ToCells(row.ToProject(reference), headers, reference);
            yield return withIds ? cells : cells[ProjectSheet.IdentityColumns..];
        }
    }

    private static async Task WriteCsvAsync(Stream body, string[] header, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, CsvOptions, leaveOpen: true);
        foreach (var name in header) csv.WriteField(name);
        await csv.EndRecordAsync(cancellationToken);
        var count = 0;
        await foreach (var row in rows)
        {
            foreach (var cell in row) csv.WriteField(Text(cell));
            await csv.EndRecordAsync(cancellationToken);
            if (++count % FlushEvery == 0) await csv.FlushAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The workbook is built in a temporary file, then sent: the zip container ends with writes that are not
    /// asynchronous, which a response stream refuses. Memory stays constant either way; the file is deleted when closed.
    /// </summary>
    private static async Task WriteXlsxAsync(HttpResponse response, string[] header, IAsyncEnumerable<object?[]> rows, SheetHeaders headers, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"projecttracker-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await WriteWorkbookAsync(file, header, rows, headers, cancellationToken);
        response.ContentLength = file.Length;
        file.Position = 0;
        await file.CopyToAsync(response.Body, cancellationToken);
    }

    private static async Task WriteWorkbookAsync(Stream body, string[] header, IAsyncEnumerable<object?[]> rows, SheetHeaders headers, CancellationToken cancellationToken)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(body, cancellationToken: cancellationToken);
        await spreadsheet.StartWorksheetAsync(headers == SheetHeaders.Zh ? "项目" : "projects", token: cancellationToken);
        await spreadsheet.AddRowAsync(header.Select(name => new DataCell(name)).ToArray(), cancellationToken);
        var cells = new DataCell[header.Length];
        await foreach (var values in rows)
        {
            for (var i = 0; i < values.Length; i++) cells[i] = Cell(values[i]);
            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }
        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>Numbers exactly as stored (217.2400 stays 217.2400), text as it is.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Amounts and areas as numbers (so Excel can sum them), the id and version as whole numbers, everything else as text.</summary>
    private static DataCell Cell(object? value) => value switch
    {
        null => default,
        decimal number => new DataCell(number),
        long number => new DataCell(number),
        int number => new DataCell(number),
        _ => new DataCell(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
