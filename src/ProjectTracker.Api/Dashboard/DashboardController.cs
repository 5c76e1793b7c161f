using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Api.Common.Csv;
using ProjectTracker.Api.OpenApi;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Projects;

namespace ProjectTracker.Api.Dashboard;

/// <summary>
/// Figures for leaders' dashboards: totals, time series, targets, reported batches, KPIs, early warnings.
/// Every answer carries an ETag; polling with If-None-Match costs one tiny query and answers 304 until something changes.
/// </summary>
[ApiController]
[Route("api/dashboard")]
[TypeFilter<DashboardCacheFilter>]
[FormatQueryFilter]
[ProducesResponseType(StatusCodes.Status304NotModified)]
public sealed class DashboardController : ControllerBase
{
    private const string Json = "application/json";
    private const string ProblemJson = "application/problem+json";

    /// <summary>Totals grouped by one or two dimensions, with a grand total.</summary>
    /// <remarks>
    /// Takes every filter of <c>GET /api/projects</c>. Example — how much each district signed in 2024:
    /// <c>GET /api/dashboard/totals?groupBy=district&amp;measure=signed&amp;signedFrom=2024&amp;signedTo=2024</c>.
    /// Sums are per currency in 亿 (CNY and USD never mixed); the counts say how many projects have no amount or an
    /// approximate or lower-bound one. A period means the date of the measure (signings by signedOn, starts by startedOn;
    /// the response's dateBasis says which); a date known only to the year falls in a "month unknown" row (2017-??).
    /// Also as CSV: <c>Accept: text/csv</c> or <c>format=csv</c>.
    /// </remarks>
    /// <response code="200">The rows and the total.</response>
    /// <response code="400">A filter or groupBy is invalid.</response>
    [HttpGet("totals", Name = "getDashboardTotals")]
    [ProducesResponseType<TotalsResult>(StatusCodes.Status200OK, Json, CsvOutputFormatter.MediaType)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ResponseExample<DashboardExamples.Totals>]
    public async Task<TotalsResult> Totals([FromQuery] TotalsQuery query, [FromServices] DashboardTotals totals, CancellationToken cancellationToken) =>
        await totals.AskAsync(query, cancellationToken);

    /// <summary>A gap-free time series of signings, starts or completions, ready to chart.</summary>
    /// <remarks>
    /// Example: <c>GET /api/dashboard/timeseries?measure=started&amp;interval=month&amp;from=2023-01&amp;to=2023-12&amp;district=jiangxia</c>.
    /// Every period in the range is present (zeros where nothing happened). Projects whose date is known only to the year
    /// cannot be placed in a month or quarter; they are counted in notPlaced. Also as CSV.
    /// </remarks>
    /// <response code="200">The series.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet("timeseries", Name = "getDashboardTimeSeries")]
    [ProducesResponseType<SeriesResult>(StatusCodes.Status200OK, Json, CsvOutputFormatter.MediaType)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ResponseExample<DashboardExamples.Timeseries>]
    public async Task<SeriesResult> Timeseries([FromQuery] SeriesQuery query, [FromServices] DashboardSeries series, CancellationToken cancellationToken) =>
        await series.AskAsync(query, cancellationToken);

    /// <summary>Each target beside the figure the recorded projects reach, and the progress ratio.</summary>
    /// <remarks>Amount targets count CNY projects (亿元). Also as CSV.</remarks>
    /// <response code="200">The targets.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet("targets", Name = "getDashboardTargets")]
    [ProducesResponseType<TargetsResult>(StatusCodes.Status200OK, Json, CsvOutputFormatter.MediaType)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ResponseExample<DashboardExamples.TargetsList>]
    public async Task<TargetsResult> Targets([FromQuery] TargetsQuery query, [FromServices] DashboardTargets targets, CancellationToken cancellationToken) =>
        new(await targets.AskAsync(query, cancellationToken));

    /// <summary>Each reported batch figure beside what the projects linked to it add up to, and the difference.</summary>
    /// <remarks>Shows how complete the record is: 21 projects reported, 1 itemised, 20 missing.</remarks>
    /// <response code="200">The batches, oldest first.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet("batches", Name = "getDashboardBatches")]
    [ProducesResponseType<IReadOnlyList<BatchComparison>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ResponseExample<DashboardExamples.BatchesList>]
    public async Task<IReadOnlyList<BatchComparison>> Batches([FromQuery] BatchesQuery query, [FromServices] BatchRepository batches, CancellationToken cancellationToken) =>
        await batches.CompareAsync(query, cancellationToken);

    /// <summary>The largest projects by amount (in one currency, CNY unless asked), with the project filters.</summary>
    /// <response code="200">Largest first.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet("top", Name = "getDashboardTop")]
    [ProducesResponseType<IReadOnlyList<Project>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<IReadOnlyList<Project>> Top([FromQuery] TopQuery query, [FromServices] DashboardTop top, CancellationToken cancellationToken) =>
        await top.AskAsync(query, cancellationToken);

    /// <summary>The KPIs of a signing cohort: 开工率, 投产率, days from signing to start, amount thresholds, 同比.</summary>
    /// <remarks>
    /// Example: <c>GET /api/dashboard/kpis?year=2023&amp;groupBy=district&amp;thresholds=1,5&amp;district=wuhan</c>.
    /// The cohort is the projects signed in the year; year-on-year compares signings (by signedOn) and starts (by startedOn)
    /// with the year before.
    /// </remarks>
    /// <response code="200">One row per group.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet("kpis", Name = "getDashboardKpis")]
    [ProducesResponseType<KpiResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    [ResponseExample<DashboardExamples.Kpis>]
    public async Task<KpiResult> Kpis([FromQuery] KpiQuery query, [FromServices] DashboardKpis kpis, CancellationToken cancellationToken) =>
        await kpis.AskAsync(query, cancellationToken);

    /// <summary>The early-warning lists: signed but not started after N months, started but not completed after M.</summary>
    /// <response code="200">Oldest first.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet("stalled", Name = "getDashboardStalled")]
    [ProducesResponseType<StalledResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemJson)]
    public async Task<StalledResult> Stalled([FromQuery] StalledQuery query, [FromServices] DashboardStalled stalled, CancellationToken cancellationToken) =>
        await stalled.AskAsync(query, cancellationToken);
}
