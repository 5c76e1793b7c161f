using System.Text.Json.Serialization;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>What to do with a file that has bad rows.</summary>
public enum ImportMode
{
    /// <summary>Any bad row: nothing is written, and the report lists every bad row.</summary>
    [JsonStringEnumMemberName("all-or-nothing")]
    AllOrNothing,
    /// <summary>The good rows are written, the bad ones reported.</summary>
    [JsonStringEnumMemberName("valid-rows")]
    ValidRows,
}

/// <summary>Where an import stands.</summary>
public enum ImportState
{
    /// <summary>Accepted, waiting its turn.</summary>
    Queued,
    /// <summary>Reading and checking the rows; the good ones are written as it goes, in one transaction that commits at the end.</summary>
    Validating,
    /// <summary>Every row read: recording the outcome and committing.</summary>
    Writing,
    /// <summary>Done: rowsWritten projects were created and rowsUpdated updated.</summary>
    Succeeded,
    /// <summary>Nothing written: the file has bad rows and the mode is all-or-nothing.</summary>
    Rejected,
    /// <summary>Nothing written: the import could not be completed (see failure).</summary>
    Failed,
}

/// <summary>A bad cell or row.</summary>
/// <param name="Row">The spreadsheet row (the header is row 1).</param>
/// <param name="Column">The column's header as in the file (empty when the problem is the whole row).</param>
/// <param name="Field">The project field (as in the JSON of POST /api/projects).</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ImportError(int Row, string Column, string Field, string Message);

/// <summary>An import's progress and outcome.</summary>
/// <param name="Id">The import.</param>
/// <param name="State">queued, validating, writing, succeeded, rejected or failed.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Format">csv or xlsx.</param>
/// <param name="Mode">all-or-nothing or valid-rows.</param>
/// <param name="RowsTotal">Data rows in the file (known once validation has read them all).</param>
/// <param name="RowsProcessed">Rows read and checked so far.</param>
/// <param name="RowsWritten">Projects created (rows without 编号).</param>
/// <param name="RowsUpdated">Projects updated (rows naming one by 编号, still at the row's 版本).</param>
/// <param name="ErrorCount">Bad rows' problems found.</param>
/// <param name="Errors">The problems, first 10,000.</param>
/// <param name="Failure">Why it failed, when it did.</param>
/// <param name="CreatedBy">The API key that uploaded it.</param>
/// <param name="CreatedAt">When it was uploaded.</param>
/// <param name="FinishedAt">When it ended.</param>
public sealed record ImportStatus(long Id, ImportState State, string FileName, string Format, ImportMode Mode,
    int? RowsTotal, int RowsProcessed, int RowsWritten, int RowsUpdated, int ErrorCount, IReadOnlyList<ImportError> Errors, string? Failure,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);
