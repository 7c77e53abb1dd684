using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// Control characters other than tab, line feed and carriage return are dropped from every bound string (form fields
/// in any encoding, query values, route values). Nobody types them, PostgreSQL cannot store NUL in text at all, and
/// XML (the XLSX exports) allows none of them; a pasted one would otherwise fail a save or an export much later.
/// </summary>
public static class ControlCharacters
{
    public static string Without(string text) => HasAny(text) ? string.Concat(text.Where(c => !IsUnwanted(c))) : text;

    public static bool HasAny(string text) => text.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0 && text.Any(IsUnwanted); // the range check is the cheap common case

    private static bool IsUnwanted(char c) => c < ' ' && c is not ('\t' or '\n' or '\r');
}

/// <summary>Binds strings from the form, the query or the route as MVC does, then drops <see cref="ControlCharacters"/>.</summary>
public sealed class TextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && FromFormQueryOrRoute(context.BindingInfo.BindingSource)
            ? new TextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    // Unspecified means the form, the query or the route; a header, a body or a service keeps its own binder.
    private static bool FromFormQueryOrRoute(BindingSource? source) =>
        source is null || source == BindingSource.ModelBinding || source == BindingSource.Form || source == BindingSource.Query || source == BindingSource.Path;

    private sealed class TextModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text } && ControlCharacters.HasAny(text))
            {
                bindingContext.Result = ModelBindingResult.Success(ControlCharacters.Without(text));
            }
        }
    }
}
