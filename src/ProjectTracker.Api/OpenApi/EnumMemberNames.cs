using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ProjectTracker.Api.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>
/// Names each enum value for code generators, so a client says <c>ProjectKind.PublicWorks</c> rather than
/// <c>Public_works</c>: <c>x-enumNames</c> is read by NSwag (and openapi-typescript's <c>--enum</c>), <c>x-ms-enum</c> by Kiota.
/// The values themselves stay the wire spelling (<see cref="EnumNames"/>).
/// </summary>
internal sealed class EnumMemberNames : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (!type.IsEnum || schema is not OpenApiSchema { Enum.Count: > 0 } concrete) return;

        var members = Enum.GetValues(type).Cast<Enum>().ToDictionary(EnumNames.Of, value => value.ToString());
        concrete.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        concrete.Extensions["x-enumNames"] = new JsonNodeExtension(new JsonArray([.. members.Values.Select(name => (JsonNode)JsonValue.Create(name))]));
        concrete.Extensions["x-ms-enum"] = new JsonNodeExtension(new JsonObject
        {
            ["name"] = type.Name,
            ["modelAsString"] = false,
            ["values"] = new JsonArray([.. members.Select(member => (JsonNode)new JsonObject { ["value"] = member.Key, ["name"] = member.Value })]),
        });
        // The values in declaration order, as the converter writes them (Swashbuckle's order is the same; this makes it certain).
        concrete.Enum = [.. members.Keys.Select(value => (JsonNode)JsonValue.Create(value))];
    }
}
