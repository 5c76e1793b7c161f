using ProjectTracker.Api.Common;
using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ProjectTracker.Api.OpenApi;

/// <summary>Gives an action's 200 response an example in Swagger, built by <typeparamref name="T"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseExampleAttribute<T> : Attribute, IResponseExampleSource where T : IResponseExample, new()
{
    public object Build() => new T().Example;
}

public interface IResponseExampleSource
{
    object Build();
}

/// <summary>An example response, written as the API writes JSON.</summary>
public interface IResponseExample
{
    object Example { get; }
}

internal sealed class ResponseExamples : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo.GetCustomAttributes().OfType<IResponseExampleSource>().FirstOrDefault() is not { } source) return;
        if (operation.Responses?.TryGetValue("200", out var response) != true || response?.Content is null) return;
        if (response.Content.TryGetValue("application/json", out var media) && media is OpenApiMediaType json)
        {
            json.Example = JsonSerializer.SerializeToNode(source.Build(), ApiServices.Json);
        }
    }

}
