using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>
/// The public network page has one address per language: /verkosto (Finnish, or whatever language the visitor
/// chose), /natverk (Swedish) and /network (English), so that a link can be shared in a language.
/// </summary>
public static class NetworkPaths
{
    public const string Finnish = "/verkosto";
    public const string Swedish = "/natverk";
    public const string English = "/network";

    public static readonly IReadOnlyList<(string Culture, string Path)> All = [("fi", Finnish), ("sv", Swedish), ("en", English)];

    public static string For(string culture) => All.FirstOrDefault(a => a.Culture == culture).Path ?? Finnish;

    /// <summary>
    /// The language an address itself names (/natverk → sv); /verkosto names none and follows the visitor. Whole
    /// paths only: /Network/Profile is a page of this feature, not the English address.
    /// </summary>
    public static string? CultureOf(PathString path)
    {
        var value = path.Value?.TrimEnd('/');
        return string.Equals(value, Swedish, StringComparison.OrdinalIgnoreCase) ? "sv"
            : string.Equals(value, English, StringComparison.Ordinal) ? "en"
            : null;
    }
}

/// <summary>Put ahead of the cookie: on /natverk and /network the address decides the language.</summary>
internal sealed class NetworkPathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(NetworkPaths.CultureOf(httpContext.Request.Path) is { } culture ? new ProviderCultureResult(culture) : null);
}

/// <summary>
/// On the language switcher's redirect: a visitor who picks Finnish on /natverk should land on /verkosto, not back on
/// the Swedish address (which would keep Swedish). Applied to the /Language page only.
/// </summary>
internal sealed class NetworkLanguageRedirectFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is LocalRedirectResult redirect && context.HttpContext.Request.HasFormContentType
            && context.HttpContext.Request.Form["culture"].ToString() is { Length: > 0 } culture)
        {
            var target = redirect.Url;
            var query = target.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? target[q..] : "";
            var path = query.Length > 0 ? target[..^query.Length] : target;
            if (NetworkPaths.All.Any(a => string.Equals(a.Path, path, StringComparison.OrdinalIgnoreCase)))
            {
                executed.Result = new LocalRedirectResult(NetworkPaths.For(culture) + query);
            }
        }
    }
}
