using ProjectTracker.Api.Common.Values;
using ProjectTracker.Api.Dashboard;
using ProjectTracker.Api.Projects;
using static ProjectTracker.Api.Dashboard.Dimension;

namespace ProjectTracker.Tests.Dashboard;

/// <summary>Which rollup answers a question: the coarsest that answers it exactly, or none.</summary>
public sealed class RollupSourceTests
{
    private static readonly PartialDate Year2024 = PartialDate.Year(2024);

    private static RollupGrain? GrainFor(ProjectFilter filter, params Dimension[] dimensions) =>
        RollupSource.For(filter, DashboardMeasure.Signed, dimensions)?.Grain;

    [Fact]
    public void PlacesAndStatusesByYearComeFromTheYearlyRollup() =>
        Assert.Equal(RollupGrain.Year, GrainFor(new ProjectFilter { SignedFrom = Year2024, SignedTo = Year2024 }, District, Status));

    [Fact]
    public void MonthsOrAPeriodOfMonthsNeedTheMonthlyRollup()
    {
        Assert.Equal(RollupGrain.Month, GrainFor(new ProjectFilter(), Month));
        Assert.Equal(RollupGrain.Month, GrainFor(new ProjectFilter { SignedFrom = PartialDate.Month(2024, 4), SignedTo = PartialDate.Month(2024, 6) }, District));
    }

    [Fact]
    public void SectorsByYearComeFromTheYearlySectorRollup()
    {
        Assert.Equal(RollupGrain.SectorYear, GrainFor(new ProjectFilter(), Sector));
        Assert.Equal(RollupGrain.SectorYear, GrainFor(new ProjectFilter { Sector = "manufacturing", SignedFrom = Year2024 }, District, Year));
        Assert.Equal(RollupGrain.SectorYear, GrainFor(new ProjectFilter(), SectorCategory, Status));
    }

    [Fact]
    public void SectorsByMonthAndEveryParkQuestionNeedTheFineRollup()
    {
        Assert.Equal(RollupGrain.Fine, GrainFor(new ProjectFilter(), Sector, Quarter));
        Assert.Equal(RollupGrain.Fine, GrainFor(new ProjectFilter { Sector = "manufacturing", SignedTo = PartialDate.Month(2024, 6) }));
        Assert.Equal(RollupGrain.Fine, GrainFor(new ProjectFilter { Park = "wedz-icv-ev" }, Sector));
        Assert.Equal(RollupGrain.Fine, GrainFor(new ProjectFilter(), Park));
    }

    [Fact]
    public void AmountsTextAndDatesOfAnotherStageLeaveOnlyTheProjectsTable()
    {
        Assert.Null(GrainFor(new ProjectFilter { MinAmount = 10 }, Sector));
        Assert.Null(GrainFor(new ProjectFilter { Q = "医疗" }, District));
        Assert.Null(GrainFor(new ProjectFilter { StartedFrom = Year2024 }, District));
        Assert.Null(GrainFor(new ProjectFilter { SignedFrom = PartialDate.Day(2024, 3, 15) }, District));
    }
}
