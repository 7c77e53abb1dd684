using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web;

/// <summary>
/// Settings a public site cannot run without. Outside Development every mailed link is built from
/// App:PublicBaseUrl and requests are answered only for the host names in AllowedHosts, so neither may be missing
/// or a wildcard: otherwise a forged Host header could decide where password-reset links point.
/// </summary>
public sealed class AppOptionsValidation(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        var failures = new List<string>();
        var url = options.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(url)
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"App:PublicBaseUrl '{url}' is not an absolute http(s) address such as https://koulutus.example.fi.");
        }

        if (!environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(url))
            {
                failures.Add("App:PublicBaseUrl must be set outside Development (e.g. https://koulutus.example.fi): every link in mail is built from it.");
            }

            var hosts = configuration["AllowedHosts"];
            if (string.IsNullOrWhiteSpace(hosts) || hosts.Split(';').Any(h => h.Trim() is "*" or ""))
            {
                failures.Add("AllowedHosts must list the site's real host names outside Development (e.g. koulutus.example.fi), not '*'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
