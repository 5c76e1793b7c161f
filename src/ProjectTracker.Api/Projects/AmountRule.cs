using FluentValidation;
using FluentValidation.Validators;
using ProjectTracker.Api.Common.Validation;

namespace ProjectTracker.Api.Projects;

public static class AmountRule
{
    /// <summary>An amount in 亿 as <see cref="ProjectRules.IsValidAmount"/> allows it (null passes).</summary>
    public static IRuleBuilderOptions<T, decimal?> MustBeAmount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.SetValidator(new AmountValidator<T>());
}

public sealed class AmountValidator<T> : PropertyValidator<T, decimal?>, IAmountRule
{
    public override string Name => "AmountValidator";
    public decimal Above => 0;
    public decimal Below => ProjectRules.AmountCeiling;
    public override bool IsValid(ValidationContext<T> context, decimal? value) => value is not { } amount || ProjectRules.IsValidAmount(amount);
    protected override string GetDefaultMessageTemplate(string errorCode) => ProjectRequestValidator.AmountMessage("{PropertyName}");
}
