using System.Net;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>The one-time message ("Oppitunti merkitty luetuksi") travels in a cookie over the redirect, and only then.</summary>
public sealed class MessageCookieTests : IDisposable
{
    private const string MessageCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    private readonly LearningSite _site = new();

    [Fact]
    public async Task Pages_without_a_message_set_no_cookie_and_a_message_is_shown_once_then_cleared()
    {
        var participant = await _site.ParticipantAsync();

        foreach (var url in new[] { "/", "/courses", "/courses/kurssi", "/courses/kurssi/alku/kanavat", "/my-studies" })
        {
            var plain = await participant.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.False(plain.Headers.Contains("Set-Cookie"), $"{url} set {string.Join("; ", plain.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])}");
        }

        var done = await participant.DoneAsync("alku/kanavat");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains(done.Headers.GetValues("Set-Cookie"), c => c.StartsWith(MessageCookie + "=", StringComparison.Ordinal) && !c.Contains("1970"));

        var shown = await participant.Client.GetAsync(done.Headers.Location);
        Assert.Contains("Oppitunti merkitty luetuksi", await shown.Content.ReadAsStringAsync());
        Assert.Contains(shown.Headers.GetValues("Set-Cookie"), c => c.StartsWith(MessageCookie + "=;", StringComparison.Ordinal));

        var again = await participant.Client.GetAsync(done.Headers.Location);
        Assert.DoesNotContain("Oppitunti merkitty luetuksi", await again.Content.ReadAsStringAsync());
        Assert.False(again.Headers.Contains("Set-Cookie"));
    }

    public void Dispose() => _site.Dispose();
}
