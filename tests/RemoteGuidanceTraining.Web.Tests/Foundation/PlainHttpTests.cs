using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// Outside Development (these sites run as "Testing", configured like Production) the site answers over HTTPS only.
/// A plain-HTTP request used to get a blank 500: the layout's form needs a Secure antiforgery cookie.
/// </summary>
public sealed class PlainHttpTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly ListLoggerProvider _logs = new();
    private readonly WebApplicationFactory<Program> _logged;

    public PlainHttpTests() =>
        _logged = _site.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));

    public void Dispose()
    {
        _logged.Dispose();
        _site.Dispose();
    }

    private HttpClient PlainHttpClient() =>
        _logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

    [Theory]
    [InlineData("/", "https://localhost/")]
    [InlineData("/Account/Login?ReturnUrl=%2FMyStudies", "https://localhost/Account/Login?ReturnUrl=%2FMyStudies")]
    public async Task A_request_straight_to_the_site_over_http_is_redirected_to_the_public_https_address(string path, string target)
    {
        var response = await PlainHttpClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.AbsoluteUri);
    }

    [Fact]
    public async Task A_request_from_a_proxy_the_site_does_not_believe_gets_a_short_400_and_one_warning()
    {
        var client = PlainHttpClient();
        await client.GetAsync("/"); // straight to the site from the same address: redirected, logged apart
        var responses = new List<HttpResponseMessage>();
        foreach (var path in new[] { "/", "/Account/Login", "/Courses" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            responses.Add(await client.SendAsync(request));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var page = await responses[0].Content.ReadAsStringAsync();
        Assert.Contains("vain salattuihin HTTPS-yhteyksiin", page);
        Assert.Contains("<p lang=\"en\">This site answers over HTTPS only", page);
        var line = Assert.Single(_logs.Messages, m => m.Text.StartsWith("Refused a plain-HTTP", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("ForwardedHeaders:KnownProxies", line.Text);
        Assert.Single(_logs.Messages, m => m.Text.StartsWith("Redirected a plain-HTTP", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Load_balancers_can_still_probe_health_over_http()
    {
        var response = await PlainHttpClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
