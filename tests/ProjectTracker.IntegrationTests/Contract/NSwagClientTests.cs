using ProjectTracker.Clients.NSwag;
using ProjectTracker.IntegrationTests.Infrastructure;
using AmountQualifier = ProjectTracker.Clients.NSwag.AmountQualifier;
using Currency = ProjectTracker.Clients.NSwag.Currency;

namespace ProjectTracker.IntegrationTests.Contract;

/// <summary>
/// The staff workflow through the C# client NSwag generates from the API's own document at build time
/// (System.Text.Json, nullable reference types, required members), given only the address and a key.
/// The README's integration guide quotes this test.
/// </summary>
public sealed class NSwagClientTests(RunningApi api) : DatabaseTests<RunningApi>(api)
{
    [Fact]
    public async Task TheStaffWorkflowRunsThroughTheNSwagClient()
    {
        var ct = Cancellation;
        // guide:nswag-setup
        var staff = new ProjectTrackerClient(Database.HttpClient(Database.EditorKey));   // HttpClient with BaseAddress and X-Api-Key
        // end
        var viewer = new ProjectTrackerClient(Database.HttpClient(Database.ViewerKey));

        // A signing, sent twice with the same Idempotency-Key: one project, the second answer replayed.
        // guide:nswag-create
        var request = new ProjectRequest
        {
            NameZh = "契约测试智能医疗基地(一期)", Kind = ProjectKind.Investment, Status = ProjectStatus.Signed,
            District = "jiangxia", Sector = "manufacturing", SignedOn = "2024-03",
            Amount = 24.5, AmountQualifier = AmountQualifier.Approx, Currency = Currency.Cny,
            Investors = ["武汉契约测试医疗科技有限公司"],
            Phases = [new PhaseRequest { Name = "一期", Amount = 10 }, new PhaseRequest { Name = "二期", Amount = 14.5 }],
        };
        var idempotencyKey = Guid.NewGuid().ToString();
        var created = await staff.CreateProjectAsync(allowDuplicate: null, idempotency_Key: idempotencyKey, request, ct);
        var location = created.Headers["Location"].Single();
        // end
        Assert.Equal(201, created.StatusCode);
        Assert.True(Uri.TryCreate(location, UriKind.Absolute, out _), location);
        var replayed = await staff.CreateProjectAsync(null, idempotencyKey, request, ct);
        Assert.Equal(created.Result.Id, replayed.Result.Id);
        Assert.Equal("true", replayed.Headers["Idempotent-Replayed"].Single());

        // Read it with its ETag; nulls the API writes (park, nameEn, startedOn) read as null.
        var read = await viewer.GetProjectAsync(created.Result.Id, if_None_Match: null, ct);
        var etag = read.Headers["ETag"].Single();
        Assert.Null(read.Result.Park);
        Assert.Null(read.Result.StartedOn);
        Assert.Equal(AmountQualifier.Approx, read.Result.EffectiveQualifier);
        Assert.Equal(2, read.Result.Phases.Count);
        var notModified = await Assert.ThrowsAsync<ApiException>(() => viewer.GetProjectAsync(created.Result.Id, etag, ct));
        Assert.Equal(304, notModified.StatusCode);

        // Correct it with If-Match; a stale ETag is a 412, none at all a 428 — both typed problem details.
        // guide:nswag-update
        request.Notes = "位于江夏经济开发区";
        var corrected = await staff.UpdateProjectAsync(created.Result.Id, etag, request, ct);
        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.UpdateProjectAsync(created.Result.Id, etag, request, ct));
        // end
        Assert.NotEqual(etag, corrected.Headers["ETag"].Single());
        Assert.Equal(412, stale.StatusCode);
        Assert.Equal(412, stale.Result.Status);
        // NSwag sends a required header always; an empty If-Match states no precondition.
        var missing = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => staff.UpdateProjectAsync(created.Result.Id, "", request, ct));
        Assert.Equal(428, missing.StatusCode);
        Assert.False(string.IsNullOrEmpty(missing.Result.Type));

        // It starts.
        var started = await staff.ChangeProjectStatusAsync(created.Result.Id, idempotency_Key: null, if_Match: corrected.Headers["ETag"].Single(),
            new StatusChangeRequest { Status = ProjectStatus.Started, Date = "2024-06-18" }, ct);
        Assert.Equal(ProjectStatus.Started, started.Result.Status);

        // A groundbreaking with three new projects.
        var groundbreaking = await staff.RecordEventAsync(Guid.NewGuid().ToString(), new EventRequest
        {
            Kind = BatchKind.Groundbreaking, Date = "2024-06-18", District = "jiangxia", Title = "契约测试集中开工活动",
            ReportedProjectCount = 21, ReportedAmount = 217.24, ReportedQualifier = AmountQualifier.Exact,
            Projects =
            [
                new EventProjectRequest { NameZh = "契约测试新能源电池项目", Sector = "manufacturing", Amount = 12 },
                new EventProjectRequest { NameZh = "契约测试生物医药产业园", Sector = "manufacturing", Amount = 8.5, Kind = ProjectKind.Investment },
                new EventProjectRequest { NameZh = "契约测试市政道路工程", Sector = "manufacturing", Kind = ProjectKind.PublicWorks },
            ],
        }, ct);
        Assert.Equal(201, groundbreaking.StatusCode);
        Assert.Equal(3, groundbreaking.Result.Projects.Count);
        Assert.True(Uri.TryCreate(groundbreaking.Headers["Location"].Single(), UriKind.Absolute, out _));

        // List the started projects in Jiangxia two at a time, following nextCursor to the end.
        // guide:nswag-paging
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await viewer.ListProjectsAsync(Sort.MinussignedOn, cursor, limit: 2, includeTotal: null, district: ["jiangxia"], park: null,
                sector: null, status: [ProjectStatus.Started], null, null, null, null, null, null, null, null, null, null, null, null, batch: null, ct);
            seen.AddRange(page.Result.Items.Select(project => project.Id));
            cursor = page.Result.NextCursor;
        }
        while (cursor is not null);
        // end
        Assert.Equal(4, seen.Distinct().Count());

        // Totals by district for the year.
        var totals = await viewer.GetDashboardTotalsAsync([Dimension.District], DashboardMeasure.Started, null, null, null, null,
            null, null, "2024", "2024", null, null, null, null, null, null, null, null, batch: null, if_None_Match: null, ct);
        var jiangxia = totals.Result.Rows.Single(row => row.Keys["district"].Code == "420115");
        Assert.Equal(4, jiangxia.Figures.ProjectCount);

        // A viewer may not write (403); a bad amount is a 400 naming the field — both typed.
        // guide:nswag-problems
        var forbidden = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => viewer.CreateProjectAsync(null, null, request, ct));
        request.Amount = -1;
        var invalid = await Assert.ThrowsAsync<ApiException<ValidationProblemDetails>>(() => staff.CreateProjectAsync(null, null, request, ct));
        // end
        Assert.Equal(403, forbidden.StatusCode);
        Assert.Equal(403, forbidden.Result.Status);
        Assert.Equal(400, invalid.StatusCode);
        Assert.Contains("amount", invalid.Result.Errors.Keys);
    }
}
