using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;
using ProjectTracker.Api.ReferenceData;

namespace ProjectTracker.Api.Common.Database;

/// <summary>
/// C# enums stored as PostgreSQL enum types. Npgsql maps them both ways by their snake_case names,
/// which is also how they appear in JSON. Dapper, however, sends a single enum parameter as its
/// integer value, so scalar enum parameters go through <c>Name</c> and are cast in SQL
/// (<c>@kind::place_kind</c>); enum arrays and reads need nothing.
/// </summary>
public static class DbEnums
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static NpgsqlDataSourceBuilder MapProjectTrackerEnums(this NpgsqlDataSourceBuilder builder)
    {
        builder.MapEnum<PlaceKind>("place_kind");
        return builder;
    }

    public static string Name<T>(T value) where T : struct, Enum =>
        Names.GetOrAdd(value, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static string? Name<T>(T? value) where T : struct, Enum => value is { } v ? Name(v) : null;
}
