using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>Reminders from the cohort page: the right people, each in their own language, never outside the coordinator's scope.</summary>
public sealed class ReminderTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Not_started_and_in_progress_people_are_reminded_in_their_language_and_the_cohort_page_lists_it()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät");
        var olli = await MemberAsync("olli@example.fi", "Olli Odottaja", "fi");
        var pia = await MemberAsync("pia@example.fi", "Pia Påbörjad", "sv");
        var valma = await MemberAsync("valma@example.fi", "Valma Valmis", "en");
        await AddAsync(a, id, "olli@example.fi;Olli\npia@example.fi;Pia\nvalma@example.fi;Valma");
        await pia.DoneAsync("alku/kanavat");
        await valma.CompleteAllAsync();

        var sent = await RemindAsync(a, id, new() { ["audience"] = "NotStarted", ["note"] = "Muistathan <b>perjantain</b> tapaamisen." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var toOlli = await _learning.Site.Mailbox.WaitForAsync("olli@example.fi", m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal));
        Assert.Contains("Pieni kurssi", toOlli.Subject);
        Assert.Contains("/courses/kurssi", (toOlli.TextBody ?? ""));
        Assert.Contains("Muistathan <b>perjantain</b> tapaamisen.", (toOlli.TextBody ?? ""));
        Assert.DoesNotContain("<b>", (toOlli.HtmlBody ?? ""));
        Assert.DoesNotContain(_learning.Site.Mailbox.To("pia@example.fi"), m => (m.Subject ?? "").Contains("Påminnelse", StringComparison.Ordinal));

        await RemindAsync(a, id, new() { ["audience"] = "InProgress" });
        var toPia = await _learning.Site.Mailbox.WaitForAsync("pia@example.fi", m => (m.Subject ?? "").StartsWith("Påminnelse", StringComparison.Ordinal));
        Assert.Contains("Hej", (toPia.TextBody ?? ""), StringComparison.OrdinalIgnoreCase);

        // Someone who completed is never reminded, even when ticked.
        var valmaMember = await _learning.DbAsync(db => db.CohortMembers.Where(m => m.UserId == valma.UserId).Select(m => m.Id).SingleAsync());
        await RemindAsync(a, id, new() { ["audience"] = "Selected", ["memberIds"] = $"{valmaMember}" });
        var nobody = await RemindAsync(a, id, new() { ["audience"] = "Selected" });
        Assert.Contains("Valitse vähintään yksi henkilö", await nobody.Content.ReadAsStringAsync());
        var page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Lähetetyt muistutukset", page);
        Assert.Equal(2, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
        Assert.DoesNotContain(_learning.Site.Mailbox.To("valma@example.fi"), m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_note_keeps_the_language_the_coordinator_wrote_it_in()
    {
        // Before, a Swedish note inside a Finnish mail was marked Finnish, and a screen reader read it so.
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät");
        await MemberAsync("olli@example.fi", "Olli Odottaja", "fi");
        await MemberAsync("pia@example.fi", "Pia Påbörjad", "sv");
        await AddAsync(a, id, "olli@example.fi;Olli\npia@example.fi;Pia");
        await a.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = "sv", ["returnUrl"] = "/" }, formUrl: "/");

        await RemindAsync(a, id, new() { ["audience"] = "NotStarted", ["note"] = "Kom ihåg att börja!\nVi ses på fredag." });

        var toOlli = await _learning.Site.Mailbox.WaitForAsync("olli@example.fi", m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal));
        var toPia = await _learning.Site.Mailbox.WaitForAsync("pia@example.fi", m => (m.Subject ?? "").StartsWith("Påminnelse", StringComparison.Ordinal));
        var (olliHtml, piaHtml) = (WebUtility.HtmlDecode(toOlli.HtmlBody), WebUtility.HtmlDecode(toPia.HtmlBody));
        Assert.Contains("Koordinaattorin viesti:<br><span lang=\"sv\">Kom ihåg att börja!<br>Vi ses på fredag.</span></p>", olliHtml);
        Assert.Contains("<br>Kom ihåg att börja!<br>Vi ses på fredag.</p>", piaHtml); // already the mail's language
        Assert.DoesNotContain("<span lang=\"sv\">Kom", piaHtml);
    }

    [Fact]
    public async Task A_coordinator_cannot_remind_another_organisations_people()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var b = await CoordinatorAsync("b@example.fi", "Organisaatio B");
        var cohortA = await CreateCohortAsync(a, "A");
        var cohortB = await CreateCohortAsync(b, "B");
        await MemberAsync("olli@example.fi", "Olli Odottaja", "fi");
        await AddAsync(a, cohortA, "olli@example.fi;Olli");
        var olliMember = await _learning.DbAsync(db => db.CohortMembers.Select(m => m.Id).SingleAsync());

        var direct = await b.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohortA}?handler=Remind", new Dictionary<string, string> { ["audience"] = "NotStarted" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohortB}");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        await RemindAsync(b, cohortB, new() { ["audience"] = "Selected", ["memberIds"] = $"{olliMember}" });
        await RemindAsync(b, cohortB, new() { ["audience"] = "NotStarted" });
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
    }

    [Fact]
    public async Task Automatic_reminders_go_after_14_quiet_days_at_most_every_14_days_never_after_completion_and_stop_on_unsubscribe()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät");
        var olli = await MemberAsync("olli@example.fi", "Olli Odottaja", "en");
        var valma = await MemberAsync("valma@example.fi", "Valma Valmis", "fi");
        await AddAsync(a, id, "olli@example.fi;Olli\nvalma@example.fi;Valma");
        await valma.CompleteAllAsync();
        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=AutoReminders", new Dictionary<string, string> { ["enabled"] = "true" }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Automaattiset muistutukset ovat käytössä", await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}"));

        Assert.Equal(0, await RunAsync()); // active just now: nobody is due
        await QuietForAsync(20);
        Assert.Equal(1, await RunAsync()); // Olli; never Valma, who completed
        Assert.Equal(0, await RunAsync()); // at most every 14 days
        var mail = await _learning.Site.Mailbox.WaitForAsync("olli@example.fi", m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        Assert.DoesNotContain(_learning.Site.Mailbox.To("valma@example.fi"), m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal));

        // Two instances at once send one reminder between them.
        await _learning.DbAsync(db => db.CohortMembers.ExecuteUpdateAsync(s => s.SetProperty(m => m.LastRemindedAtUtc, (DateTime?)null)));
        var both = await Task.WhenAll(RunAsync(), RunAsync());
        Assert.Equal(1, both.Sum());

        // The link works without signing in, asks first, and is honoured.
        var link = new Uri(PickupMailbox.LinkIn(mail, "/Reminders/Unsubscribe")).PathAndQuery;
        var anonymous = _learning.Site.CreateBrowserLikeClient();
        Assert.Contains("Lopeta muistutukset", await anonymous.GetStringAsync(link));
        var token = System.Web.HttpUtility.ParseQueryString(new Uri("https://x" + link).Query)["token"]!;
        var done = await anonymous.PostFormAsync(link, new Dictionary<string, string> { ["Token"] = token });
        Assert.Contains("Valmis: et saa enää", await done.Content.ReadAsStringAsync());
        var forged = await anonymous.PostFormAsync(link, new Dictionary<string, string> { ["Token"] = token + "x" });
        Assert.Contains("Linkki ei kelpaa", await forged.Content.ReadAsStringAsync());
        await _learning.DbAsync(db => db.CohortMembers.ExecuteUpdateAsync(s => s.SetProperty(m => m.LastRemindedAtUtc, DateTime.UtcNow.AddDays(-30))));
        Assert.Equal(0, await RunAsync());
        var page = await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}");
        Assert.Contains("Ei halua automaattisia muistutuksia", page);
        Assert.Contains("Automaattinen", page);
        _ = olli;
    }

    [Fact]
    public async Task A_reminder_sent_by_hand_restarts_the_automatic_reminders_clock()
    {
        var (a, id) = await CohortWithQuietMemberAsync();

        await RemindAsync(a, id, new() { ["audience"] = "NotStarted" });
        Assert.Equal(0, await RunAsync()); // just reminded by hand: the automatic one waits its 14 days
        await _learning.DbAsync(db => db.CohortMembers.ExecuteUpdateAsync(s => s.SetProperty(m => m.LastRemindedAtUtc, DateTime.UtcNow.AddDays(-15))));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(1, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
    }

    [Fact]
    public async Task Nobody_is_sent_a_second_reminder_from_the_cohort_within_24_hours_and_the_message_says_how_many_were_skipped()
    {
        // Found in review: pressing "send" three times sent three identical mails to each person within a minute.
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät");
        await MemberAsync("olli@example.fi", "Olli Odottaja", "fi");
        await MemberAsync("pia@example.fi", "Pia Påbörjad", "sv");
        await AddAsync(a, id, "olli@example.fi;Olli\npia@example.fi;Pia");

        Assert.Equal("Muistutus lähetetty 2 henkilölle.", await RemindAndReadAsync(a, id, new() { ["audience"] = "NotStarted" }));
        Assert.Equal("Muistutusta ei lähetetty: kaikille valituille on jo lähetetty muistutus tästä ryhmästä viimeisen 24 tunnin aikana.",
            await RemindAndReadAsync(a, id, new() { ["audience"] = "NotStarted" }));
        var olliMember = await _learning.DbAsync(db => db.CohortMembers.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == "olli@example.fi")).Select(m => m.Id).SingleAsync());
        Assert.StartsWith("Muistutusta ei lähetetty", await RemindAndReadAsync(a, id, new() { ["audience"] = "Selected", ["memberIds"] = $"{olliMember}" }));
        Assert.Equal(2, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));

        await MemberAsync("nina@example.fi", "Nina Uusi", "fi");
        await AddAsync(a, id, "nina@example.fi;Nina");
        Assert.Equal("Muistutus lähetetty 1 henkilölle. 2 henkilöä ohitettiin, koska heille on jo lähetetty muistutus tästä ryhmästä viimeisen 24 tunnin aikana.",
            await RemindAndReadAsync(a, id, new() { ["audience"] = "NotStarted" }));

        // A day later Olli and Pia may be reminded again; Nina, reminded just now, is passed by.
        await _learning.DbAsync(db => db.CohortMembers.Where(m => !db.Users.Any(u => u.Id == m.UserId && u.Email == "nina@example.fi"))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastRemindedAtUtc, DateTime.UtcNow.AddHours(-25))));
        Assert.Equal("Muistutus lähetetty 2 henkilölle. 1 henkilö ohitettiin, koska hänelle on jo lähetetty muistutus tästä ryhmästä viimeisen 24 tunnin aikana.",
            await RemindAndReadAsync(a, id, new() { ["audience"] = "NotStarted" }));
        Assert.Equal(5, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
        // The outbox dispatcher delivers after the response: wait for the second mail rather than count at once.
        await Eventually.TrueAsync(() => _learning.Site.Mailbox.To("olli@example.fi").Count(m => (m.Subject ?? "").StartsWith("Muistutus", StringComparison.Ordinal)) == 2,
            "Olli's second reminder in the mailbox");
    }

    [Fact]
    public async Task A_coordinators_reminder_passes_by_whoever_had_an_automatic_one_in_the_last_24_hours()
    {
        var (a, id) = await CohortWithQuietMemberAsync();
        Assert.Equal(1, await RunAsync());

        Assert.StartsWith("Muistutusta ei lähetetty", await RemindAndReadAsync(a, id, new() { ["audience"] = "NotStarted" }));
        Assert.Equal(0, await RunAsync());
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
    }

    /// <summary>Sends a reminder and returns the status message the cohort page then shows.</summary>
    private static async Task<string> RemindAndReadAsync(HttpClient coordinator, int id, Dictionary<string, string> fields)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await RemindAsync(coordinator, id, fields)).StatusCode);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}"));
        return System.Text.RegularExpressions.Regex.Match(page, "<p class=\"status\" role=\"status\">([^<]*)</p>").Groups[1].Value.Trim();
    }

    [Theory]
    [InlineData(-40, -10)] // ended ten days ago
    [InlineData(5, 60)] // starts in five days
    public async Task Automatic_reminders_go_only_while_the_cohort_runs(int startsInDays, int endsInDays)
    {
        // Found in review: a finished cohort kept reminding its members every 14 days until someone archived it.
        var (a, id) = await CohortWithQuietMemberAsync();
        await SetDatesAsync(id, startsInDays, endsInDays);

        Assert.Equal(0, await RunAsync());
        await SetDatesAsync(id, -30, 30);
        Assert.Equal(1, await RunAsync());
    }

    [Fact]
    public async Task Nobody_is_reminded_of_a_course_whose_files_are_unavailable_and_reminders_resume_when_it_is_back()
    {
        // Found in review: reminders linked people to a course that answered 503.
        var (a, id) = await CohortWithQuietMemberAsync();
        var courseYml = _learning.Read("kurssi/course.yml");
        _learning.Write("kurssi/course.yml", "title: \"Pieni kurssi\nsummary: Kuvaus.\n");
        _learning.Reload();

        var refused = await RemindAsync(a, id, new() { ["audience"] = "NotStarted" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Muistutuksia ei lähetetty", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await RunAsync());
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder" || m.SubjectType == "cohort-reminder-auto")));

        _learning.Write("kurssi/course.yml", courseYml);
        _learning.Reload();
        Assert.Equal(1, await RunAsync());
    }

    [Fact]
    public async Task Nobody_whose_account_an_admin_closed_is_reminded_until_it_is_reopened()
    {
        // A reminder asks the person to sign in, which a closed account cannot: it would only puzzle them.
        var (a, id) = await CohortWithQuietMemberAsync();
        await CloseAsync("olli@example.fi", DateTime.UtcNow);

        Assert.Equal("1 henkilö ohitettiin, koska hänen tilinsä on suljettu.", await RemindAndReadAsync(a, id, new() { ["audience"] = "NotStarted" }));
        Assert.Equal(0, await RunAsync());
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder" || m.SubjectType == "cohort-reminder-auto")));
        await MemberAsync("nina@example.fi", "Nina Uusi", "fi");
        await AddAsync(a, id, "nina@example.fi;Nina");
        Assert.Equal("Muistutus lähetetty 1 henkilölle. 1 henkilö ohitettiin, koska hänen tilinsä on suljettu.",
            await RemindAndReadAsync(a, id, new() { ["audience"] = "NotStarted" }));

        await CloseAsync("olli@example.fi", null);
        Assert.Equal(1, await RunAsync());
    }

    private Task<int> CloseAsync(string email, DateTime? at) =>
        _learning.DbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAtUtc, at)));

    /// <summary>A cohort with automatic reminders on and one member, Olli, quiet for 20 days: due for a reminder.</summary>
    private async Task<(HttpClient Coordinator, int CohortId)> CohortWithQuietMemberAsync()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = await CreateCohortAsync(a, "Kevät");
        await MemberAsync("olli@example.fi", "Olli Odottaja", "fi");
        await AddAsync(a, id, "olli@example.fi;Olli");
        await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=AutoReminders", new Dictionary<string, string> { ["enabled"] = "true" }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");
        await QuietForAsync(20);
        return (a, id);
    }

    private Task<int> SetDatesAsync(int cohortId, int startsInDays, int endsInDays)
    {
        var today = DateOnly.FromDateTime(HelsinkiTime.FromUtc(DateTime.UtcNow));
        return _learning.DbAsync(db => db.Cohorts.Where(c => c.Id == cohortId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.StartsOn, today.AddDays(startsInDays)).SetProperty(c => c.EndsOn, today.AddDays(endsInDays))));
    }

    private Task<int> QuietForAsync(int days) =>
        _learning.DbAsync(db => db.Enrollments.ExecuteUpdateAsync(s => s.SetProperty(e => e.LastActivityAtUtc, DateTime.UtcNow.AddDays(-days))));

    private async Task<int> RunAsync()
    {
        using var scope = _learning.Site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AutoReminders>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<LearningSite.Participant> MemberAsync(string email, string name, string language)
    {
        var p = await _learning.ParticipantAsync(email, name);
        await TestOrganisations.JoinAsync(_learning.Site.Services, p.UserId, "Organisaatio A");
        await _learning.DbAsync(db => db.Users.Where(u => u.Id == p.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language)));
        return p;
    }

    private static Task<HttpResponseMessage> RemindAsync(HttpClient coordinator, int id, Dictionary<string, string> fields) =>
        coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remind", fields, formUrl: $"/Coordination/Cohorts/Cohort/{id}");

    private static Task<HttpResponseMessage> AddAsync(HttpClient coordinator, int id, string typed) =>
        coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Typed", new Dictionary<string, string> { ["typed"] = typed }, formUrl: $"/Coordination/Cohorts/Cohort/{id}");

    private async Task<HttpClient> CoordinatorAsync(string email, string organisation) =>
        (await TestUsers.SignedInCoordinatorAsync(_learning.Site, organisation, email)).Client;

    /// <summary>A cohort running now (it started a week ago), so automatic reminders are due when people go quiet.</summary>
    private static async Task<int> CreateCohortAsync(HttpClient coordinator, string name)
    {
        var today = DateOnly.FromDateTime(HelsinkiTime.FromUtc(DateTime.UtcNow));
        var response = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.CourseId"] = "kurssi",
            ["Input.StartsOn"] = today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsOn"] = today.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
