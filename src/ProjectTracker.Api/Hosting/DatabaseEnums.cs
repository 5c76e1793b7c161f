using ProjectTracker.Api.Common;
using Npgsql;
using Npgsql.NameTranslation;
using ProjectTracker.Api.Auth;
using ProjectTracker.Api.Batches;
using ProjectTracker.Api.Projects;
using ProjectTracker.Api.ReferenceData;
using ProjectTracker.Api.Indicators;
using ProjectTracker.Api.Spreadsheets;
using ProjectTracker.Api.Targets;

namespace ProjectTracker.Api.Hosting;

/// <summary>
/// C# enums stored as PostgreSQL enum types, spelled as in JSON (<see cref="EnumNames"/>).
/// Npgsql maps them both ways; Dapper, however, sends a single enum parameter as its integer
/// value, so scalar enum parameters go as their names (<see cref="EnumNames.Of"/>) and are cast in SQL
/// (<c>@kind::place_kind</c>). Enum arrays and reads need nothing.
/// </summary>
public static class DbEnums
{
    public static NpgsqlDataSourceBuilder MapProjectTrackerEnums(this NpgsqlDataSourceBuilder builder)
    {
        var translator = new JsonSnakeCaseTranslator();
        builder.MapEnum<PlaceKind>("place_kind", translator);
        builder.MapEnum<ProjectKind>("project_kind", translator);
        builder.MapEnum<ProjectStatus>("project_status", translator);
        builder.MapEnum<Currency>("currency", translator);
        builder.MapEnum<AmountQualifier>("amount_qualifier", translator);
        builder.MapEnum<DatePrecision>("date_precision", translator);
        builder.MapEnum<ProjectEvent>("project_event", translator);
        builder.MapEnum<BatchKind>("batch_kind", translator);
        builder.MapEnum<TargetMeasure>("target_measure", translator);
        builder.MapEnum<ApiRole>("api_role", translator);
        builder.MapEnum<ImportState>("import_state", translator);
        builder.MapEnum<ReportedMeasure>("reported_measure", translator);
        builder.MapEnum<FigureStance>("figure_stance", translator);
        builder.MapEnum<FigureUnit>("figure_unit", translator);
        builder.MapEnum<Intake.IntakeState>("intake_state", translator);
        return builder;
    }
}

/// <summary>
/// Enum values named for PostgreSQL exactly as <see cref="EnumNames"/> names them for JSON (snake_case, or a member's
/// [PgName]). Npgsql's own snake_case translator differs on digits (Fortune500Firms: fortune500firms, not fortune500_firms).
/// </summary>
internal sealed class JsonSnakeCaseTranslator : INpgsqlNameTranslator
{
    public string TranslateTypeName(string clrName) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(clrName);

    public string TranslateMemberName(string clrName) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(clrName);
}
