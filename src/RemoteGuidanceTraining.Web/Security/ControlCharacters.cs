using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// Characters nobody types are dropped from every bound string (form fields in any encoding, query values, route
/// values) and from imported rosters: control characters other than tab, line feed and carriage return (C0, DEL and
/// C1), the noncharacters U+FFFE and U+FFFF, and halves of surrogate pairs standing alone. PostgreSQL cannot store NUL
/// in text at all, and XML (the XLSX exports) allows none of C0, U+FFFE, U+FFFF or a lone surrogate; a pasted one
/// would otherwise fail a save or an export much later.
/// </summary>
public static class ControlCharacters
{
    public static string Without(string text)
    {
        if (!HasAny(text))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var rest = text.AsSpan(); !rest.IsEmpty;)
        {
            // A lone surrogate decodes as invalid, one character long.
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) == OperationStatus.Done && !IsUnwanted(rune))
            {
                kept.Append(rest[..length]);
            }

            rest = rest[length..];
        }

        return kept.ToString();
    }

    public static bool HasAny(string text)
    {
        // Printable ASCII, the common case, needs no closer look.
        var first = text.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (first < 0)
        {
            return false;
        }

        for (var rest = text.AsSpan(first); !rest.IsEmpty;)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != OperationStatus.Done || IsUnwanted(rune))
            {
                return true;
            }

            rest = rest[length..];
        }

        return false;
    }

    private static bool IsUnwanted(Rune rune) => rune.Value switch
    {
        '\t' or '\n' or '\r' => false,
        < 0x20 or (>= 0x7F and <= 0x9F) or 0xFFFE or 0xFFFF => true,
        _ => false,
    };
}

/// <summary>Binds strings from the form, the query or the route as MVC does, then drops <see cref="ControlCharacters"/>.</summary>
public sealed class TextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && FromFormQueryOrRoute(context.BindingInfo.BindingSource)
            ? new TextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    // Unspecified means the form, the query or the route; a header, a body or a service keeps its own binder.
    internal static bool FromFormQueryOrRoute(BindingSource? source) =>
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
