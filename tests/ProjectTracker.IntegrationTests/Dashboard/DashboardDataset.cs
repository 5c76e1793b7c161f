using ProjectTracker.Api.Projects;
using ProjectTracker.IntegrationTests.Infrastructure;
using static ProjectTracker.Api.Projects.ProjectStatus;

namespace ProjectTracker.IntegrationTests.Dashboard;

/// <summary>
/// Known projects for the dashboard tests, and an independent model of what every total should be:
/// the same facts, added up in C# rather than SQL.
/// </summary>
public sealed class DashboardDataset(PostgresServer server) : TestDatabase(server)
{
    public sealed record Fact(string Name, string Place, string Sector, string Category, ProjectStatus Status, Currency Currency,
        decimal? Amount, AmountQualifier? Qualifier, string? Signed, string? Started, string? Completed, string? Park = null);

    public static readonly Fact[] Facts =
    [
        new("智能医疗基地", "420115", "biomedicine", "manufacturing", Started, Currency.Cny, 24.5m, AmountQualifier.Exact, "2022-12", "2023-01-31", null, "miaoshan"),
        new("T3出行总部", "420115Z01", "nev_icv", "manufacturing", Signed, Currency.Cny, 10m, AmountQualifier.Approx, "2023-02-01", null, null),
        new("浩川水利总部", "420115", "headquarters", "services", Started, Currency.Cny, 5m, AmountQualifier.AtLeast, "2023-01-10", "2023-03", null),
        new("外资华中总部", "420105", "headquarters", "services", Signed, Currency.Usd, 3m, AmountQualifier.Exact, "2023", null, null),
        new("大健康平台", "420105", "health_services", "services", Intent, Currency.Cny, null, null, null, null, null, "longyanghu-health"),
        new("汉阳大道改造", "420105", "transport", "infrastructure", Completed, Currency.Cny, 100m, AmountQualifier.Exact, null, "2022-05", "2023-06"),
        new("咸宁抽水蓄能", "421200", "energy", "infrastructure", Started, Currency.Cny, 50m, AmountQualifier.AtMost, null, "2024-02-10", null),
        new("已取消总部", "420115", "headquarters", "services", Cancelled, Currency.Cny, 7m, AmountQualifier.Exact, "2023-04-01", null, null),
        new("医疗器械二期", "420115", "biomedicine", "manufacturing", Started, Currency.Cny, null, null, "2022-06-01", "2023", null),
        new("总部快开", "420115", "headquarters", "services", Started, Currency.Cny, 2m, AmountQualifier.Exact, "2023-03-01", "2023-04-10", null),
    ];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Server.UnavailableReason is not null) return;
        var client = Api.CreateClient();
        foreach (var fact in Facts)
        {
            // Cancelled projects are created as they were, then cancelled through the API.
            var initial = fact.Status == Cancelled ? Signed : fact.Status;
            var project = await client.CreateProjectAsync(new ProjectRequest
            {
                NameZh = fact.Name,
                Kind = ProjectKind.Investment,
                District = fact.Place,
                Park = fact.Park,
                Sector = fact.Sector,
                Status = initial,
                Amount = fact.Amount,
                AmountQualifier = fact.Qualifier,
                Currency = fact.Currency,
                SignedOn = ApiJson.Date(fact.Signed),
                StartedOn = ApiJson.Date(fact.Started),
                CompletedOn = ApiJson.Date(fact.Completed),
            });
            if (fact.Status == Cancelled)
            {
                var response = await client.PostAsync($"/api/projects/{project.Id}/status", new StatusChangeRequest { Status = Cancelled });
                await response.ReadAsync<Project>();
            }
        }
    }

    /// <summary>The stage date a measure counts a fact under, or no contribution at all.</summary>
    public static (bool Counts, PartialDate? Date) Contribution(Fact fact, string measure) => measure switch
    {
        "current" => (true, fact.Status switch { Signed => ApiJson.Date(fact.Signed), Started => ApiJson.Date(fact.Started), Completed => ApiJson.Date(fact.Completed), _ => null }),
        "signed" => (fact.Status is Signed or Started or Completed, ApiJson.Date(fact.Signed)),
        "started" => (fact.Status is Started or Completed, ApiJson.Date(fact.Started)),
        _ => (fact.Status == Completed, ApiJson.Date(fact.Completed)),
    };

    public static string? Key(Fact fact, PartialDate? date, string dimension) => dimension switch
    {
        // Every place here is in Hubei, and in Wuhan or 咸宁 (a zone's code begins with its district's).
        "province" => fact.Place[..2] + "0000",
        "city" => fact.Place[..4] + "00",
        "district" => fact.Place,
        "park" => fact.Park,
        "sector" => fact.Sector,
        "sectorCategory" => fact.Category,
        "status" => Common(fact.Status),
        "year" => date?.Start.Year.ToString(),
        "quarter" => date is not { } d ? null : d.Precision == DatePrecision.Year ? $"{d.Start.Year}-Q?" : $"{d.Start.Year}-Q{(d.Start.Month + 2) / 3}",
        "month" => date is not { } d ? null : d.Precision == DatePrecision.Year ? $"{d.Start.Year}-??" : $"{d.Start:yyyy-MM}",
        _ => throw new ArgumentException(dimension),
    };

    private static string Common(ProjectStatus status) => ProjectTracker.Api.Common.EnumNames.Of(status);
}
