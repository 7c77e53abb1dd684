using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Localization;

/// <summary>
/// How every date field of the site is read: the ISO value a browser's date picker sends (2026-09-02), or a date
/// typed in the viewer's language's own day-first order where the browser shows a plain text box (2.9.2026 in
/// Finnish and Swedish, 2/9/2026 in English). Never month-first, whatever the browser or the form says: MVC's own
/// binder reads a form's date field with the invariant (US) culture when asp-for adds its "__Invariant" marker, and
/// a query string always so, which turned 2.9.2026 into 9 February.
/// </summary>
public static class TypedDates
{
    public const string IsoPattern = "yyyy-MM-dd";

    /// <summary>The order a person of the language types a date in; the site shows its dates the same way.</summary>
    public static string TypedPattern(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "d'/'M'/'yyyy" : "d'.'M'.'yyyy";

    /// <summary>Reads an ISO date or one typed in <paramref name="culture"/>'s day-first order; anything else (a two-digit year, 2026/9/2) is unreadable.</summary>
    public static bool TryParse(string? text, CultureInfo culture, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), [IsoPattern, TypedPattern(culture)], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Whether a date among <paramref name="names"/> (a query's "from", a form's "Input.StartsOn") was sent but could not be read.</summary>
    public static bool AnyUnreadable(ModelStateDictionary state, params string[] names) =>
        state.Any(entry => entry.Value is { ValidationState: ModelValidationState.Invalid }
            && names.Contains(entry.Key.Split('.')[^1], StringComparer.OrdinalIgnoreCase));
}

/// <summary>Binds every DateOnly and DateOnly? from a form, a query or a route with <see cref="TypedDates"/>.</summary>
public sealed class TypedDateModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        (context.Metadata.ModelType == typeof(DateOnly) || context.Metadata.ModelType == typeof(DateOnly?))
        && TextModelBinderProvider.FromFormQueryOrRoute(context.BindingInfo.BindingSource)
            ? new TypedDateModelBinder()
            : null;

    private sealed class TypedDateModelBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask; // not sent: the property keeps its own value, as with MVC's binder
            }

            // Kept as typed, so that a form shown again with an error shows what was typed.
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            var text = values.FirstValue;
            var messages = bindingContext.ModelMetadata.ModelBindingMessageProvider;
            if (string.IsNullOrWhiteSpace(text))
            {
                if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
                {
                    bindingContext.Result = ModelBindingResult.Success(null);
                }
                else
                {
                    bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, messages.ValueMustNotBeNullAccessor(text ?? ""));
                }
            }
            else if (TypedDates.TryParse(text, CultureInfo.CurrentCulture, out var date))
            {
                bindingContext.Result = ModelBindingResult.Success(date);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    messages.AttemptedValueIsInvalidAccessor(text, bindingContext.ModelMetadata.GetDisplayName()));
            }

            return Task.CompletedTask;
        }
    }
}
