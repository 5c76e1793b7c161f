using ProjectTracker.Api.Batches;
using ProjectTracker.Api.OpenApi;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Targets;

namespace ProjectTracker.Api.Dashboard;

/// <summary>Examples of the dashboard answers for Swagger, in the documents' own terms.</summary>
internal static class DashboardExamples
{
    private static readonly GroupKey Jiangxia = new("420115", "江夏区", "Jiangxia District");
    private static readonly GroupKey Hanyang = new("420105", "汉阳区", "Hanyang District");
    private static readonly Figures JiangxiaFigures = new(21, 217.24m, 0m, 0, 1, 0, 0);
    private static readonly Figures HanyangFigures = new(12, 200m, 0m, 8, 0, 1, 0);

    public sealed class Totals : IResponseExample
    {
        public object Example => new TotalsResult([Dimension.District], DashboardMeasure.Started, "startedOn",
            [
                new TotalsRow(new Dictionary<string, GroupKey> { ["district"] = Jiangxia }, JiangxiaFigures),
                new TotalsRow(new Dictionary<string, GroupKey> { ["district"] = Hanyang }, HanyangFigures),
            ],
            new Figures(33, 417.24m, 0m, 8, 1, 1, 0));
    }

    public sealed class Timeseries : IResponseExample
    {
        public object Example => new SeriesResult(DashboardMeasure.Started, SeriesInterval.Month, "startedOn",
            [
                new SeriesPoint("2023-01", new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 31), JiangxiaFigures),
                new SeriesPoint("2023-02", new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 28), new Figures(0, 0, 0, 0, 0, 0, 0)),
                new SeriesPoint("2023-03", new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 31), new Figures(2, 12.5m, 0, 0, 0, 0, 0)),
            ],
            new Figures(1, 0, 0, 1, 0, 0, 0));
    }

    public sealed class TargetsList : IResponseExample
    {
        public object Example => new TargetsResult(
        [
            new TargetProgress(2, "智能网联和电动汽车产业园2024年计划引进新能源产业链项目不低于15个",
                new GroupKey("420100Z01", "武汉经开区", "Wuhan Economic & Technological Development Zone"),
                new GroupKey("wedz-icv-ev", "智能网联和电动汽车产业园", "Intelligent Connected and Electric Vehicle Industrial Park"),
                new GroupKey("nev_icv", "新能源与智能网联汽车", "New-energy and intelligent connected vehicles"),
                2024, TargetMeasure.SignedCount, null, 15m, AmountQualifier.AtLeast, 9m, 0.6m, false,
                "武汉经开区干部热议市委常委会专题调研武汉经开区建设发展情况会议精神", 1),
        ]);
    }

    public sealed class BatchesList : IResponseExample
    {
        public object Example => new[]
        {
            new BatchComparison(1, "jiangxia-2023q1-groundbreaking", BatchKind.Groundbreaking, "江夏区重大项目参加2023年一季度全市重大项目集中开工活动",
                Jiangxia, new DateOnly(2023, 1, 31), new DateOnly(2023, 1, 31),
                new ReportedFigures(21, 217.24m, AmountQualifier.Exact, Currency.Cny),
                new Figures(1, 24.5m, 0, 0, 0, 0, 0), 20, 192.74m, null,
                [
                    new BreakdownComparison(new GroupKey("manufacturing", "先进制造业", "Advanced manufacturing"), 10, 132.35m, 1, 24.5m),
                    new BreakdownComparison(new GroupKey("services", "现代服务业", "Modern services"), 1, 21m, 0, 0m),
                ],
                "新春开局,江夏很拼!", null),
        };
    }

    public sealed class Kpis : IResponseExample
    {
        public object Example => new KpiResult(2023, Dimension.District,
        [
            new KpiRow(Jiangxia, 40, 22, 5, 0.55m, 0.125m, 96.5m, 81m, 18,
                [new ThresholdFigures(1m, 31, 402.6m), new ThresholdFigures(5m, 12, 318.2m)],
                new YearOnYear(40, 32, 0.25m, 512.3m, 420.1m, 0.2195m),
                new YearOnYear(26, 21, 0.2381m, 301.4m, 288.0m, 0.0465m)),
        ]);
    }
}
