using ProjectTracker.Api.Projects;
using static ProjectTracker.Api.Common.Values.AmountQualifier;
using static ProjectTracker.Api.Projects.ProjectStatus;

namespace ProjectTracker.Tests.Projects;

public sealed class ProjectRulesTests
{
    [Fact]
    public void StatedAmountIsTheEffectiveAmount()
    {
        var effective = ProjectRules.EffectiveAmount(24.5m, null, []);

        Assert.Equal((24.5m, Exact), effective);
    }

    [Fact]
    public void PhasesAddUpWhenNoTotalIsStated()
    {
        var effective = ProjectRules.EffectiveAmount(null, null, [new("一期", 1m, Approx), new("二期", 9m, Approx)]);

        Assert.Equal((10m, Approx), effective);
    }

    [Fact]
    public void AnUnpricedPhaseMakesThePhaseSumALowerBound()
    {
        var effective = ProjectRules.EffectiveAmount(null, null, [new("一期", 5m, Exact), new("二期", null, null)]);

        Assert.Equal((5m, AtLeast), effective);
    }

    [Fact]
    public void NoAmountAnywhereMeansNoEffectiveAmount() =>
        Assert.Null(ProjectRules.EffectiveAmount(null, null, [new("一期", null, null)]));

    [Theory]
    [InlineData(new[] { Exact, Exact }, Exact)]
    [InlineData(new[] { Exact, Approx }, Approx)]
    [InlineData(new[] { AtLeast, Exact }, AtLeast)]
    [InlineData(new[] { AtMost, AtMost }, AtMost)]
    [InlineData(new[] { AtLeast, AtMost }, Approx)]
    public void QualifiersCombine(AmountQualifier[] parts, AmountQualifier combined) =>
        Assert.Equal(combined, ProjectRules.Combine(parts));

    [Theory]
    [InlineData(10, Exact, 1, 9, true)]
    [InlineData(10, Exact, 1, 8, false)]
    [InlineData(10, Approx, 1, 9.5, true)]
    [InlineData(10, Approx, 1, 10.5, false)]
    [InlineData(10, AtLeast, 4, 7, true)]
    [InlineData(10, AtLeast, 4, 5, false)]
    [InlineData(10, AtMost, 4, 5, true)]
    [InlineData(10, AtMost, 4, 7, false)]
    public void PhasesMustAgreeWithTheTotal(double total, AmountQualifier qualifier, double first, double second, bool agrees)
    {
        IReadOnlyList<Phase> phases = [new("一期", (decimal)first, Exact), new("二期", (decimal)second, Exact)];

        var disagreement = ProjectRules.PhasesDisagreement((decimal)total, qualifier, phases);

        Assert.Equal(agrees, disagreement is null);
    }

    [Fact]
    public void PricedPhasesMayNotExceedAnExactTotalEvenWhenSomeAreUnpriced()
    {
        IReadOnlyList<Phase> phases = [new("一期", 12m, Exact), new("二期", null, null)];

        Assert.NotNull(ProjectRules.PhasesDisagreement(10m, Exact, phases));
        Assert.Null(ProjectRules.PhasesDisagreement(20m, Exact, phases));
    }

    [Theory]
    [InlineData(Intent, null, null, null, true)]
    [InlineData(Intent, "2023", null, null, false)]
    [InlineData(Signed, null, null, null, true)]
    [InlineData(Signed, "2023-02-01", "2023-03", null, false)]
    [InlineData(Started, null, "2023-01-31", null, true)]
    [InlineData(Started, "2023", null, null, true)]
    [InlineData(Started, null, "2023", "2024", false)]
    [InlineData(Completed, null, null, "2017", true)]
    [InlineData(Completed, null, "2016", null, true)]
    [InlineData(Cancelled, "2020", "2021", null, true)]
    public void NoStatusHasTheDateOfALaterStageAndAnUnknownDateIsEmpty(ProjectStatus status, string? signed, string? started, string? completed, bool consistent) =>
        Assert.Equal(consistent, ProjectRules.DatesDisagreeWithStatus(status, Parse(signed), Parse(started), Parse(completed)) is null);

    [Theory]
    [InlineData("2023-02-20", "2023-02", true)]
    [InlineData("2023-02", "2023-02-01", true)]
    [InlineData("2023-02-20", "2023-02-19", false)]
    [InlineData("2024", "2023-12", false)]
    [InlineData("2023", "2023-06-30", true)]
    public void ALaterStagesPeriodMayNotEndBeforeTheEarlierBegins(string earlier, string later, bool inOrder) =>
        Assert.Equal(inOrder, ProjectRules.InOrder(Parse(earlier), Parse(later)));

    [Theory]
    [InlineData(Intent, Signed, false, true)]
    [InlineData(Signed, Started, false, true)]
    [InlineData(Started, Completed, false, true)]
    [InlineData(Signed, Cancelled, false, true)]
    [InlineData(Completed, Cancelled, false, true)]
    [InlineData(Intent, Started, false, false)]
    [InlineData(Signed, Completed, false, false)]
    [InlineData(Started, Signed, false, false)]
    [InlineData(Started, Signed, true, true)]
    [InlineData(Cancelled, Signed, false, false)]
    [InlineData(Cancelled, Signed, true, true)]
    [InlineData(Signed, Signed, false, false)]
    [InlineData(Signed, Signed, true, false)]
    public void TransitionsFollowTheLifecycle(ProjectStatus from, ProjectStatus to, bool correction, bool allowed) =>
        Assert.Equal(allowed, ProjectRules.TransitionRefusal(from, to, correction) is null);

    [Fact]
    public void ARefusedBackwardMoveSaysItIsACorrection() =>
        Assert.Contains("correction", ProjectRules.TransitionRefusal(Completed, Started, correction: false));

    [Theory]
    [InlineData(0.0001, true)]
    [InlineData(99999.9999, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(100000, false)]
    [InlineData(1.00001, false)]
    public void AmountsArePositiveBoundedAndAtMostFourDecimals(double amount, bool valid) =>
        Assert.Equal(valid, ProjectRules.IsValidAmount(decimal.Parse(amount.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)));

    private static PartialDate? Parse(string? text) => text is null ? null : PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException(text);
}
