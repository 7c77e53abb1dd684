using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// Absolute links that leave the site (certificate QR codes, mails written outside a request). App:PublicBaseUrl
/// wins; without it the current request's address is used, which is right for a single-host install.
/// </summary>
public sealed class PublicUrls(IOptions<AppOptions> options, IHttpContextAccessor http)
{
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return options.Value.PublicBaseUrl.TrimEnd('/');
            }

            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Verification(string code) => $"{BaseUrl}/verify/{code}";
}
