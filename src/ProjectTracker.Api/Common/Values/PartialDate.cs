using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectTracker.Api.Common.Values;

/// <summary>
/// A date known to the day (<c>2023-01-31</c>), the month (<c>2023-02</c>) or only the year (<c>2017</c>).
/// Shown as known: a day is never invented. Stored as the first day of the period plus the precision.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
[TypeConverter(typeof(PartialDateTypeConverter))]
public readonly record struct PartialDate
{
    public PartialDate(DateOnly start, DatePrecision precision)
    {
        Start = precision switch
        {
            DatePrecision.Year => new DateOnly(start.Year, 1, 1),
            DatePrecision.Month => new DateOnly(start.Year, start.Month, 1),
            _ => start,
        };
        Precision = precision;
    }

    /// <summary>First day of the period.</summary>
    public DateOnly Start { get; }

    public DatePrecision Precision { get; }

    /// <summary>Last day of the period.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => Start.AddYears(1).AddDays(-1),
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        _ => Start,
    };

    public static PartialDate Day(int year, int month, int day) => new(new DateOnly(year, month, day), DatePrecision.Day);
    public static PartialDate Month(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);
    public static PartialDate Year(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    public static PartialDate? FromColumns(DateOnly? start, DatePrecision? precision) =>
        start is { } s && precision is { } p ? new PartialDate(s, p) : null;

    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        if (text is null) return false;
        var formats = new (string Format, DatePrecision Precision)[] { ("yyyy-MM-dd", DatePrecision.Day), ("yyyy-MM", DatePrecision.Month), ("yyyy", DatePrecision.Year) };
        foreach (var (format, precision) in formats)
        {
            if (text.Length == format.Length &&
                DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = new PartialDate(parsed, precision);
                return true;
            }
        }
        return false;
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Start.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PartialDate.TryParse(reader.GetString(), out var date)
            ? date
            // Without a message, System.Text.Json reports "could not be converted to PartialDate", which the API rewrites.
            : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Lets query strings carry partial dates too (<c>?signedFrom=2023</c>).</summary>
public sealed class PartialDateTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text && PartialDate.TryParse(text, out var date)
            ? date
            : throw new FormatException($"'{value}' is not a date as yyyy, yyyy-MM or yyyy-MM-dd.");
}
