using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using ProjectTracker.Clients.Kiota;
using ProjectTracker.Clients.Kiota.Models;
using ProjectTracker.IntegrationTests.Infrastructure;
using AmountQualifier = ProjectTracker.Clients.Kiota.Models.AmountQualifier;
using Currency = ProjectTracker.Clients.Kiota.Models.Currency;
using GetSortQueryParameterType = ProjectTracker.Clients.Kiota.Api.Projects.GetSortQueryParameterType;

namespace ProjectTracker.IntegrationTests.Contract;

/// <summary>
/// The staff workflow through the C# client Kiota generates from the API's own document at build time, given only the
/// address and a key. Kiota puts request headers (If-Match, Idempotency-Key) in the request configuration and reads
/// response headers (ETag, Location) through its headers-inspection option, by its design.
/// </summary>
public sealed class KiotaClientTests(RunningApi api) : DatabaseTests<RunningApi>(api)
{
    // Kiota's ApiKeyAuthenticationProvider works over https only; over http the key goes on Kiota's own HttpClient.
    // guide:kiota-setup
    private KiotaClient Client(string key)
    {
        var http = KiotaClientFactory.Create();   // Kiota's handlers: retry, redirect, headers inspection
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return new KiotaClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = Database.Address.ToString().TrimEnd('/') });
    }
    // end

    [Fact]
    public async Task TheStaffWorkflowRunsThroughTheKiotaClient()
    {
        var ct = Cancellation;
        var staff = Client(Database.EditorKey);
        var viewer = Client(Database.ViewerKey);

        // A signing, sent twice with the same Idempotency-Key.
        // guide:kiota-create
        var request = new ProjectRequest
        {
            NameZh = "契约测试光谷科创项目", Kind = ProjectKind.Investment, Status = ProjectStatus.Signed,
            District = "jiangxia", Sector = "manufacturing", SignedOn = "2024-05-20",
            Amount = 5.6, Currency = Currency.Usd, AmountQualifier = AmountQualifier.AtLeast,
        };
        var idempotencyKey = Guid.NewGuid().ToString();
        var createdHeaders = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var created = await staff.Api.Projects.PostAsync(request, config =>
        {
            config.Headers.Add("Idempotency-Key", idempotencyKey);
            config.Options.Add(createdHeaders);
        }, ct);
        var location = createdHeaders.ResponseHeaders["Location"].Single();
        // end
        Assert.True(Uri.TryCreate(location, UriKind.Absolute, out _), location);
        var replayHeaders = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var replayed = await staff.Api.Projects.PostAsync(request, config =>
        {
            config.Headers.Add("Idempotency-Key", idempotencyKey);
            config.Options.Add(replayHeaders);
        }, ct);
        Assert.Equal(created!.Id, replayed!.Id);
        Assert.Equal("true", replayHeaders.ResponseHeaders["Idempotent-Replayed"].Single());
        var id = created.Id!.Value;

        // Read it with its ETag; the nulls the API writes read as null.
        var readHeaders = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var read = await viewer.Api.Projects[id].GetAsync(config => config.Options.Add(readHeaders), ct);
        var etag = readHeaders.ResponseHeaders["ETag"].Single();
        Assert.Null(read!.Park);
        Assert.Equal(Currency.Usd, read.Currency);
        Assert.Equal(AmountQualifier.AtLeast, read.EffectiveQualifier);
        var notModified = await viewer.Api.Projects[id].GetAsync(config => config.Headers.Add("If-None-Match", etag), ct);
        Assert.Null(notModified);

        // Correct it with If-Match; stale is a 412, none a 428, each a typed problem.
        // guide:kiota-update
        var updateHeaders = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        request.Notes = "位于江夏区";
        await staff.Api.Projects[id].PutAsync(request, config =>
        {
            config.Headers.Add("If-Match", etag);
            config.Options.Add(updateHeaders);
        }, ct);
        var stale = await Assert.ThrowsAsync<ProblemDetails>(() => staff.Api.Projects[id].PutAsync(request, config => config.Headers.Add("If-Match", etag), ct));
        // end
        Assert.Equal(412, stale.ResponseStatusCode);
        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => staff.Api.Projects[id].PutAsync(request, cancellationToken: ct));
        Assert.Equal(428, missing.ResponseStatusCode);
        Assert.Equal("Precondition Required", missing.Title);

        // It starts.
        var started = await staff.Api.Projects[id].Status.PostAsync(new StatusChangeRequest { Status = ProjectStatus.Started, Date = "2024-07" },
            config => config.Headers.Add("If-Match", updateHeaders.ResponseHeaders["ETag"].Single()), ct);
        Assert.Equal(ProjectStatus.Started, started!.Status);

        // A groundbreaking with three new projects.
        var groundbreaking = await staff.Api.Events.PostAsync(new EventRequest
        {
            Kind = BatchKind.Groundbreaking, Date = "2024-07", District = "jiangxia", Title = "契约测试二季度集中开工",
            Projects =
            [
                new EventProjectRequest { NameZh = "契约测试智能网联汽车零部件项目", Sector = "manufacturing", Amount = 3 },
                new EventProjectRequest { NameZh = "契约测试数据中心二期", Sector = "manufacturing" },
                new EventProjectRequest { NameZh = "契约测试学校建设工程", Sector = "manufacturing", Kind = ProjectKind.PublicWorks },
            ],
        }, cancellationToken: ct);
        Assert.Equal(3, groundbreaking!.Projects!.Count);

        // Page through Jiangxia's started projects two at a time.
        // guide:kiota-paging
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await viewer.Api.Projects.GetAsync(config =>
            {
                config.QueryParameters.District = ["jiangxia"];
                config.QueryParameters.Status = [ProjectStatus.Started];
                config.QueryParameters.Sort = GetSortQueryParameterType.Minus_signedOn;
                config.QueryParameters.Limit = 2;
                config.QueryParameters.Cursor = cursor;
            }, ct);
            seen.AddRange(page!.Items!.Select(project => project.Id!.Value));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        // end
        Assert.Equal(4, seen.Distinct().Count());

        // Totals by district for the year. Kiota gives a map (a row's keys) as untyped data, by its design.
        var totals = await viewer.Api.Dashboard.Totals.GetAsync(config =>
        {
            config.QueryParameters.GroupBy = [Dimension.District];
            config.QueryParameters.Measure = DashboardMeasure.Started;
            config.QueryParameters.StartedFrom = "2024";
            config.QueryParameters.StartedTo = "2024";
        }, ct);
        // guide:kiota-map
        var jiangxia = totals!.Rows!.Single(row =>
            ((UntypedObject)row.Keys!.AdditionalData["district"]).GetValue()["code"] is UntypedString { } code && code.GetValue() == "420115");
        // end
        Assert.Equal(4, jiangxia.Figures!.ProjectCount);

        // A viewer may not write (403); a bad amount is a 400 naming the field.
        // guide:kiota-problems
        var forbidden = await Assert.ThrowsAsync<ProblemDetails>(() => viewer.Api.Projects.PostAsync(request, cancellationToken: ct));
        request.Amount = -1;
        var invalid = await Assert.ThrowsAsync<ValidationProblemDetails>(() => staff.Api.Projects.PostAsync(request, cancellationToken: ct));
        // end
        Assert.Equal(403, forbidden.ResponseStatusCode);
        Assert.Equal(400, invalid.ResponseStatusCode);
        Assert.Contains("amount", invalid.Errors!.AdditionalData.Keys);
    }
}
