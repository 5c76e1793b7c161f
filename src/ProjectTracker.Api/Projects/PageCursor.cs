using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ProjectTracker.Api.Projects;

/// <summary>
/// Where the next page starts: the sort it belongs to, and the sort value and id of the last row
/// returned. Opaque to clients (base64url JSON). Keyset pagination: rows inserted or changed while
/// a client pages through never make it skip or repeat a row that was already there.
/// </summary>
public sealed record PageCursor(string Sort, string Value, long Id)
{
    /// <summary>The longest cursor: a name sort's value is a whole name, base64url of its JSON.</summary>
    public const int MaxLength = 1024;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string? text, [NotNullWhen(true)] out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        try
        {
            cursor = JsonSerializer.Deserialize<PageCursor>(Base64Url.DecodeFromChars(text));
            return cursor is { Sort: not null, Value: not null, Id: > 0 }
                   && ProjectSort.TryParse(cursor.Sort, out var sort) && sort.Key.TryParseValue(cursor.Value, out _);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }
}
