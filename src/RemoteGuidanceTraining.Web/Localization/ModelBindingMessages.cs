using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace RemoteGuidanceTraining.Web.Localization;

/// <summary>
/// The messages model binding gives when it cannot read a posted value ("abc" for a number, an empty date). Data
/// annotations localization covers only the validation attributes; without this these stay in English.
/// </summary>
public static class ModelBindingMessages
{
    /// <summary>Every accessor reads <paramref name="t"/> when the message is made, so it follows the request's language.</summary>
    public static void Use(DefaultModelBindingMessageProvider messages, IStringLocalizer t)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => t["Binding.AttemptedValueIsInvalid", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["Binding.NonPropertyAttemptedValueIsInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => t["Binding.UnknownValueIsInvalid", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Binding.NonPropertyUnknownValueIsInvalid"]);
        messages.SetValueIsInvalidAccessor(value => t["Binding.ValueIsInvalid", value]);
        messages.SetValueMustBeANumberAccessor(field => t["Binding.ValueMustBeANumber", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Binding.NonPropertyValueMustBeANumber"]);
        messages.SetValueMustNotBeNullAccessor(_ => t["Binding.ValueMustNotBeNull"]);
        messages.SetMissingBindRequiredValueAccessor(field => t["Binding.MissingBindRequiredValue", field]);
        messages.SetMissingKeyOrValueAccessor(() => t["Binding.MissingKeyOrValue"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Binding.MissingRequestBodyRequiredValue"]);
    }
}
