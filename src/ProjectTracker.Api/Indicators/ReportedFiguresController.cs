using Microsoft.AspNetCore.Mvc;

namespace ProjectTracker.Api.Indicators;

/// <summary>Figures documents report beside projects and targets: 招商引资总额, 实际到位资金, 实际利用外资, 500强 firms.</summary>
[ApiController]
[Route("api/reported-figures")]
public sealed class ReportedFiguresController(ReportedFigureRepository figures) : ControllerBase
{
    /// <summary>Reported figures, what happened and what is planned, oldest period first.</summary>
    /// <remarks>Never reconciled with the itemised projects: a district's 招商引资总额 counts things projects do not (funds, expansions, firms).</remarks>
    /// <response code="200">The figures.</response>
    /// <response code="400">A parameter is invalid.</response>
    [HttpGet(Name = "listReportedFigures")]
    [ProducesResponseType<IReadOnlyList<ReportedFigure>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IReadOnlyList<ReportedFigure>> List([FromQuery] ReportedFigureQuery query, CancellationToken cancellationToken) =>
        await figures.ListAsync(query, cancellationToken);
}
