using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>Documents query parameters in camelCase, as clients write them (binding ignores case either way).</summary>
internal sealed class CamelCaseQueryParameters : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Query } query && query.Name is { } name)
            {
                query.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }
    }
}
