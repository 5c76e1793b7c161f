using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Common.Validation;

namespace ProjectTracker.Api.Spreadsheets;

/// <summary>Bulk import of projects from the spreadsheets staff keep (.xlsx or .csv).</summary>
[ApiController]
[Route("api/imports")]
public sealed class ImportsController(ImportUploads uploads, ImportRepository imports) : ControllerBase
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Uploads a spreadsheet of projects; it is checked and written in the background (202 + a status URL).</summary>
    /// <remarks>
    /// The first row names the columns, in Chinese or as JSON fields: 项目名称 (nameZh, required), 英文名称, 类型, 投资方 (several
    /// separated by ；), 区 (district, required: 江夏区, jiangxia or 420115), 园区, 行业 (sector, required: name or code), 状态 (status,
    /// required: 签约, 开工 … or signed, started …), 投资额(亿元) (24.5, 约1亿元, 超10亿元, 3000万元), 金额性质 (约, 超, 近), 币种, 分期
    /// (一期=约1；二期=约9), 签约日期, 开工日期, 竣工日期 (2023-01-31, 2023-01, 2023 or 2023年1月31日), 项目代码, 用地面积(平方米), 备注.
    /// A row with an 编号 (id) and 版本 (version), as exports write them, updates that project (a bulk edit: export, change
    /// cells, import back) if it is still at that version, else the row is reported as changed since the export; its status
    /// may move on (a status change, with its rules and history). A row that says what is stored changes nothing; a row
    /// without 编号 creates a project. Every row is checked with the same rules as POST /api/projects (PUT for updates). <c>mode=all-or-nothing</c> (default): any bad row and nothing is written; <c>mode=valid-rows</c>: the
    /// good rows are written. Either way GET the Location for progress and the list of bad rows (row, column, reason).
    /// </remarks>
    /// <param name="file">The .xlsx or .csv file (UTF-8, or GB18030 as Excel saves CSV on Chinese Windows).</param>
    /// <param name="mode">all-or-nothing (default) or valid-rows.</param>
    /// <param name="allowDuplicates">Also create projects whose name already exists in their place.</param>
    /// <param name="actor">The API key importing (bound from authentication).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    /// <response code="202">Accepted: follow Location (GET /api/imports/{id}) until the state is succeeded, rejected or failed.</response>
    /// <response code="400">No file, not a spreadsheet, or its header row names unknown or too few columns.</response>
    /// <response code="413">The file is larger than 200 MB.</response>
    [HttpPost(Name = "importProjects")]
    [Authorize(Policies.Edit)]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(ImportOptions.MaxFileBytes + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.MaxFileBytes)]
    [ProducesResponseType<ImportStatus>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, ProblemJson)]
    public async Task<IActionResult> Upload(IFormFile? file, [FromQuery] ImportMode? mode, [FromQuery] bool allowDuplicates, Actor actor, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            var problem = file is null ? "file is required: a .xlsx or .csv of projects, sent as multipart/form-data." : "the file is empty: the first row must name the columns.";
            return ValidationProblems.Result(HttpContext, new Dictionary<string, string[]> { ["file"] = [problem] });
        }
        return await uploads.AcceptAsync(file, mode ?? ImportMode.AllOrNothing, allowDuplicates, actor, cancellationToken) switch
        {
            ImportUploads.Outcome.Accepted(var status) => AcceptedAtAction(nameof(Get), new { id = status.Id }, status),
            ImportUploads.Outcome.Refused(var problems) => ValidationProblems.Result(HttpContext, new Dictionary<string, string[]> { ["file"] = problems }),
            _ => throw new InvalidOperationException("unexpected upload outcome"),
        };
    }

    /// <summary>A spreadsheet with the header row imports read and no projects, to fill in.</summary>
    /// <remarks>Example: <c>GET /api/imports/template?format=xlsx&amp;headers=zh</c>. The columns are those of exports, in the same order.</remarks>
    /// <response code="200">The file.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet("template", Name = "getImportTemplate")]
    [ProducesResponseType<FileStreamResult>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<EmptyResult> Template([FromQuery] TemplateQuery query, [FromServices] ProjectExporter exporter, CancellationToken cancellationToken)
    {
        await exporter.WriteTemplateAsync(Response, query, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>An import's progress (rows processed of total), and when done its outcome and the bad rows.</summary>
    /// <response code="200">The import.</response>
    /// <response code="404">No such import.</response>
    [HttpGet("{id:long}", Name = "getImport")]
    [ProducesResponseType<ImportStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        await imports.GetAsync(id, cancellationToken) is { } status
            ? Ok(status)
            : Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no import {id}.");
}
