using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FluentValidation;

namespace ProjectTracker.Api.Common.Validation;

internal static class ValidationConventions
{
    /// <summary>
    /// Validation errors name fields as JSON and query strings do (camelCase: <c>investment.amount</c>,
    /// <c>projects[3].amount</c>). Set when the assembly loads so every validator, wherever it runs, agrees.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Process-wide FluentValidation setting that must precede any validation.")]
    internal static void UseJsonFieldNames() =>
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
}
