using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectTracker.Api.Common;

/// <summary>
/// The one spelling of each enum value outside C#: in JSON, in query strings and in PostgreSQL
/// enum types. snake_case (<c>at_least</c>) unless a member names itself (<c>CNY</c>).
/// </summary>
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of(Enum value) => Names.GetOrAdd(value, static v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static IEnumerable<string> All(Type enumType) => Enum.GetValues(enumType).Cast<Enum>().Select(Of);

    public static string List(Type enumType) => string.Join(", ", All(enumType));
}
