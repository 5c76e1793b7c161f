using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectTracker.Api.Common;

/// <summary>
/// Enums in JSON exactly as documented (<see cref="EnumNames"/>): <c>"public_works"</c>, never <c>"PublicWorks"</c>,
/// <c>"PUBLIC_WORKS"</c> or a number. System.Text.Json's own converter also reads C# names and any casing, so a client
/// could rely on a spelling the document does not promise. Anything else fails as an unconvertible value, which the
/// API answers with a 400 naming the field and the allowed values.
/// </summary>
public sealed class ExactEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        private readonly FrozenDictionary<string, T> values = Enum.GetValues<T>().ToFrozenDictionary(value => EnumNames.Of(value), StringComparer.Ordinal);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && values.TryGetValue(reader.GetString()!, out var value)
                ? value
                : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(EnumNames.Of(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            values.TryGetValue(reader.GetString()!, out var value) ? value : throw new JsonException();

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(EnumNames.Of(value));
    }
}
