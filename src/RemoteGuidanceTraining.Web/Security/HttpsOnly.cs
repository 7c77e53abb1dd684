using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// Outside Development the site answers over HTTPS only: its cookies are Secure, so a page with a form cannot even
/// be rendered over plain HTTP. A plain-HTTP request that came straight to the site (an operator's curl, a browser
/// on http://) is sent with 307 to the same path under App:PublicBaseUrl. One that a proxy forwarded without being
/// believed (not in ForwardedHeaders:KnownProxies/KnownNetworks) gets a short 400 page instead: a redirect would
/// come back through the same proxy over plain HTTP and loop. /health answers either way, for load balancers that
/// probe over HTTP. Each client address is logged once per outcome (up to <see cref="MaxLogLines"/> lines), not every request.
/// </summary>
public sealed partial class HttpsOnly(RequestDelegate next, IOptions<AppOptions> options, IStringLocalizer<SharedResource> t, ILogger<HttpsOnly> logger)
{
    private const int MaxLogLines = 100;

    private readonly string? _httpsBase = HttpsBase(options.Value.PublicBaseUrl);
    private readonly ConcurrentDictionary<string, bool> _logged = new();
    private byte[]? _page;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.IsHttps || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_httpsBase is not null && !CameThroughProxy(request))
        {
            var target = _httpsBase + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
            if (FirstFrom(address, "redirected"))
            {
                LogRedirected(address, _httpsBase);
            }

            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        }

        if (FirstFrom(address, "refused"))
        {
            LogRefused(address, _httpsBase is null ? "App:PublicBaseUrl is not an https address" : "a proxy forwarded it");
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.Body.WriteAsync(_page ??= Page(), context.RequestAborted).AsTask();
    }

    /// <summary>Forwarded headers left on the request were not believed (the middleware removes those it applies).</summary>
    private static bool CameThroughProxy(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-Proto") || request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded");

    private static string? HttpsBase(string? publicBaseUrl) =>
        Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri.TrimEnd('/') : null;

    private bool FirstFrom(string address, string outcome) => _logged.Count < MaxLogLines && _logged.TryAdd($"{outcome} {address}", true);

    /// <summary>The request came before request localization, so the page says it in all three languages, Finnish first.</summary>
    private byte[] Page()
    {
        var paragraphs = Cultures.Supported.Select(language =>
        {
            using var culture = Cultures.Use(language);
            var lang = language == Cultures.Default ? "" : $" lang=\"{language}\"";
            return $"<p{lang}>{HtmlEncoder.Default.Encode(t["HttpsOnly.Message"])}</p>";
        });
        return System.Text.Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html>\n<html lang=\"{Cultures.Default}\"><head><meta charset=\"utf-8\"><title>HTTPS</title></head><body>\n{string.Join("\n", paragraphs)}\n</body></html>\n");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redirected a plain-HTTP request from {Address} to {PublicBaseUrl}: the site answers over HTTPS only. If that address is your TLS-terminating proxy, list it in ForwardedHeaders:KnownProxies and have it send X-Forwarded-Proto, or browsers will loop. Further redirects of this address are not logged.")]
    private partial void LogRedirected(string address, string publicBaseUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a plain-HTTP request from {Address} with 400 ({Reason}): the site answers over HTTPS only. If that address is your TLS-terminating proxy, list it in ForwardedHeaders:KnownProxies (or its network in ForwardedHeaders:KnownNetworks) and have it send X-Forwarded-Proto. Further refusals of this address are not logged.")]
    private partial void LogRefused(string address, string reason);
}
