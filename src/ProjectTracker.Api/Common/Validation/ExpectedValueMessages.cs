using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ProjectTracker.Api.Common.Validation;

/// <summary>
/// A query or route value that cannot be read as its type says what was expected, in the words a body field gets
/// (<c>signedFrom=2023-13</c>: "expected a date as yyyy, yyyy-MM or yyyy-MM-dd").
/// </summary>
public sealed class ExpectedValueMessages : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.BindingMetadata.ModelBindingMessageProvider is not DefaultModelBindingMessageProvider current) return;
        var expected = ValidationProblems.Expected(context.Key.ModelType);
        var messages = new DefaultModelBindingMessageProvider(current);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"'{value}' is not valid: expected {expected}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is not valid: expected {expected}.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' is not valid: expected {expected}.");
        messages.SetValueMustBeANumberAccessor(_ => $"The value is not valid: expected {expected}.");
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }
}
