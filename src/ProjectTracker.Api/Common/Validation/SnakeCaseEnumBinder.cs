using System.Collections.Frozen;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProjectTracker.Api.Common;

namespace ProjectTracker.Api.Common.Validation;

/// <summary>
/// Binds enums in query strings and routes by the names the JSON uses
/// (<c>?kind=development_zone</c>), and names the allowed values when a value is unknown.
/// </summary>
public sealed class SnakeCaseEnumBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum ? new SnakeCaseEnumBinder(type) : null;
    }
}

public sealed class SnakeCaseEnumBinder(Type enumType) : IModelBinder
{
    private readonly FrozenDictionary<string, object> values = Enum.GetValues(enumType).Cast<Enum>()
        .ToFrozenDictionary(EnumNames.Of, value => (object)value, StringComparer.Ordinal);

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None || string.IsNullOrEmpty(result.FirstValue)) return Task.CompletedTask;

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        if (values.TryGetValue(result.FirstValue, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                $"'{result.FirstValue}' is not valid: expected one of {EnumNames.List(enumType)}.");
        }
        return Task.CompletedTask;
    }
}
