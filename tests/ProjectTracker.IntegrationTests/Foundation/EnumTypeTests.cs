using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ProjectTracker.Api.Common;
using ProjectTracker.Api.Indicators;
using ProjectTracker.IntegrationTests.Infrastructure;

namespace ProjectTracker.IntegrationTests.Foundation;

public sealed class EnumTypeTests(TestDatabase database) : DatabaseTests(database)
{
    public static TheoryData<Type, string> MappedEnums() => new()
    {
        { typeof(Api.ReferenceData.PlaceKind), "place_kind" },
        { typeof(Api.Projects.ProjectKind), "project_kind" },
        { typeof(Api.Projects.ProjectStatus), "project_status" },
        { typeof(Api.Common.Values.Currency), "currency" },
        { typeof(Api.Common.Values.AmountQualifier), "amount_qualifier" },
        { typeof(Api.Common.Values.DatePrecision), "date_precision" },
        { typeof(Api.Projects.ProjectEvent), "project_event" },
        { typeof(Api.Batches.BatchKind), "batch_kind" },
        { typeof(Api.Targets.TargetMeasure), "target_measure" },
        { typeof(Api.Auth.ApiRole), "api_role" },
        { typeof(Api.Spreadsheets.ImportState), "import_state" },
        { typeof(ReportedMeasure), "reported_measure" },
        { typeof(FigureStance), "figure_stance" },
        { typeof(FigureUnit), "figure_unit" },
        { typeof(Api.Intake.IntakeState), "intake_state" },
    };

    /// <summary>
    /// Every value of each enum type reads back through the API's own data source as its C# value, and is spelled in
    /// PostgreSQL as in JSON (a translator that spelled Fortune500Firms otherwise made every reported figure list a 500).
    /// </summary>
    [Theory]
    [MemberData(nameof(MappedEnums))]
    public async Task EachEnumReadsBackAndIsSpelledInPostgreSqlAsInJson(Type enumType, string pgType)
    {
        var api = Database.Api.Services.GetRequiredService<Api.Common.Data.Database>();
        await using var connection = await api.QueryAsync(Cancellation);

        var labels = (await connection.QueryAsync<string>($"SELECT unnest(enum_range(NULL::{pgType}))::text")).ToHashSet();
        await using var command = new Npgsql.NpgsqlCommand($"SELECT unnest(enum_range(NULL::{pgType}))", connection);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var values = new List<object>();
        while (await reader.ReadAsync(Cancellation)) values.Add(reader.GetValue(0));

        Assert.Equal(Enum.GetValues(enumType).Cast<object>().ToHashSet(), values.ToHashSet());
        Assert.Equal(EnumNames.All(enumType).ToHashSet(), labels);
    }
}
