using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ProjectTracker.Api.Common.Validation;

namespace ProjectTracker.Api.Common.Csv;

/// <summary>
/// <c>?format=csv</c> (or <c>json</c>) for clients that cannot set Accept, such as a link opened in a
/// browser or Excel: it stands in for the Accept header, and content negotiation does the rest.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FormatQueryFilterAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.Query.TryGetValue("format", out var values)) return;
        switch (values.ToString())
        {
            case "csv":
                request.Headers.Accept = CsvOutputFormatter.MediaType;
                break;
            case "json":
                request.Headers.Accept = "application/json";
                break;
            default:
                context.Result = ValidationProblems.Result(context.HttpContext,
                    new Dictionary<string, string[]> { ["format"] = ["format must be json or csv."] });
                break;
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
