using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Accounts;

/// <summary>
/// The set-password form sent several times at once with one link (a double click on a slow phone, two tabs): every
/// answer is an ordinary page, the link's work is done once, and the chosen password signs in.
/// </summary>
public sealed partial class SimultaneousPasswordLinkTests : IDisposable
{
    private const string NewPassword = "uusi-salasana-123";
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task An_invitation_link_posted_many_times_at_once_enrols_once_and_every_answer_is_success_or_a_used_link()
    {
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, "Organisaatio A");
        var created = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        var cohort = created.Headers.Location!.OriginalString.Split('/').Last();
        await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "uusi@example.fi;Uusi Ihminen" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        var link = PickupMailbox.LinkIn(MimeKit.MimeMessage.Load(new MemoryStream(await _learning.DbAsync(db => db.OutboxMessages
            .Where(m => m.ToAddress == "uusi@example.fi").Select(m => m.Mime).SingleAsync()))), "/Account/SetPassword");
        Assert.Contains("kind=invitation", link);

        var answers = await PostAtOnceAsync(link, 8);

        var userId = await _learning.DbAsync(db => db.Users.Where(u => u.Email == "uusi@example.fi").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await _learning.DbAsync(db => db.Enrollments.CountAsync(e => e.UserId == userId)));
        Assert.Equal(1, await _learning.DbAsync(db => db.CohortMembers.CountAsync(m => m.UserId == userId && m.Status == CohortMemberStatus.Member)));
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.StartsWith("/courses/kurssi/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await _learning.Site.CreateBrowserLikeClient().SignInAsync("uusi@example.fi", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_posted_many_times_at_once_answers_success_or_a_used_link()
    {
        await TestUsers.CreateAsync(_learning.Site.Services, "unohtaja@example.fi", "Unto Unohtaja");
        await _learning.Site.CreateBrowserLikeClient().PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "unohtaja@example.fi" });
        var link = PickupMailbox.LinkIn(await _learning.Site.Mailbox.WaitForAsync("unohtaja@example.fi"), "/Account/SetPassword");

        var answers = await PostAtOnceAsync(link, 8);

        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString == "/my-studies");
        Assert.Equal(HttpStatusCode.Redirect, (await _learning.Site.CreateBrowserLikeClient().SignInAsync("unohtaja@example.fi", NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _learning.Site.CreateBrowserLikeClient().SignInAsync("unohtaja@example.fi", TestUsers.Password)).StatusCode);
    }

    /// <summary>One browser opens the link once, then sends the same filled-in form <paramref name="times"/> times at once.</summary>
    private async Task<HttpResponseMessage[]> PostAtOnceAsync(string link, int times)
    {
        var client = _learning.Site.CreateBrowserLikeClient();
        var url = new Uri(link).PathAndQuery;
        var page = await client.GetStringAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword, ["__RequestVerificationToken"] = FormPoster.TokenIn(page)!,
        };
        if (NamePattern().Match(page) is { Success: true } name)
        {
            fields["FullName"] = WebUtility.HtmlDecode(name.Groups[1].Value);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, times).Select(_ => client.PostAsync(url, new FormUrlEncodedContent(fields))));
        Assert.All(answers, r => Assert.True((int)r.StatusCode < 500, $"set password: {(int)r.StatusCode}"));
        // Each later click either lands where the first does or says the link is used, never an error about the form.
        foreach (var answer in answers.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
            Assert.True(html.Contains("Linkki on vanhentunut tai jo käytetty", StringComparison.Ordinal) && !html.Contains("form-errors", StringComparison.Ordinal),
                $"set password answered {(int)answer.StatusCode} with neither success nor a used link");
        }

        return answers;
    }

    [GeneratedRegex("name=\"FullName\" value=\"([^\"]*)\"")]
    private static partial Regex NamePattern();
}
