using System.Net;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>Every page used to make the browser ask for /favicon.ico and get a 404 (a console error per page).</summary>
public sealed class FaviconTests(TestSite site) : IClassFixture<TestSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/saavutettavuus")]
    public async Task Pages_name_the_sites_own_icon(string url)
    {
        var html = await site.CreateClient().GetStringAsync(url);

        Assert.Matches("<link rel=\"icon\" href=\"/favicon.svg\\?v=[^\"]+\" type=\"image/svg\\+xml\">", html);
    }

    [Fact]
    public async Task The_icon_is_served_and_the_old_address_leads_to_it()
    {
        var client = site.CreateBrowserLikeClient();

        var icon = await client.GetAsync("/favicon.svg");
        var old = await client.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await icon.Content.ReadAsStringAsync()).TrimStart());
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/favicon.svg", old.Headers.Location?.OriginalString);
    }
}
