using System.Net;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// The cohort forms refuse what they cannot store with a Finnish message beside the field and keep what was typed;
/// the reminder form refuses a tampered audience or selection and sends nothing.
/// </summary>
public sealed class CohortFormTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Creating_a_cohort_with_a_missing_unreadable_or_implausible_date_says_so_beside_the_field_and_keeps_the_typed_values()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");

        var empty = await CreateAsync(a, new() { ["Input.StartsOn"] = "" });
        var garbage = await CreateAsync(a, new() { ["Input.StartsOn"] = "abc" });
        var yearOne = await CreateAsync(a, new() { ["Input.StartsOn"] = "0001-01-01" });
        var farAway = await CreateAsync(a, new() { ["Input.EndsOn"] = "9999-12-31" });

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Alkaa: anna päivämäärä", html);
        Assert.Contains("value=\"Kevään ryhmä\"", html);
        Assert.DoesNotContain("is invalid", html);
        html = await garbage.Content.ReadAsStringAsync();
        Assert.Contains("Alkaa: anna päivämäärä", html);
        Assert.Contains("value=\"abc\"", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Contains("Alkaa: päivämäärän on oltava vuosien 2000–2100 väliltä.", await yearOne.Content.ReadAsStringAsync());
        Assert.Contains("Päättyy: päivämäärän on oltava vuosien 2000–2100 väliltä.", await farAway.Content.ReadAsStringAsync());
        Assert.Equal(0, await _learning.DbAsync(db => db.Cohorts.CountAsync()));
    }

    [Fact]
    public async Task Creating_a_cohort_with_an_unknown_course_a_too_long_region_or_a_garbled_organisation_says_so_beside_the_field()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");

        var course = await CreateAsync(a, new() { ["Input.CourseId"] = "ei-ole" });
        var region = await CreateAsync(a, new() { ["Input.Region"] = new string('x', 41) });
        var organisation = await CreateAsync(a, new() { ["Input.OrganisationId"] = "abc" });

        Assert.Matches("<span class=\"field-error[^\"]*\"[^>]*>Koulutus on pakollinen tieto.</span>", await course.Content.ReadAsStringAsync());
        Assert.Matches("<span class=\"field-error[^\"]*\"[^>]*>Alue saa olla enintään 40 merkkiä.</span>", await region.Content.ReadAsStringAsync());
        var html = await organisation.Content.ReadAsStringAsync();
        Assert.Contains("Valitse organisaatio tai alue niistä, jotka ylläpito on antanut sinulle.", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Equal(0, await _learning.DbAsync(db => db.Cohorts.CountAsync()));

        var created = await CreateAsync(a, []);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
    }

    [Fact]
    public async Task Editing_a_cohort_with_a_missing_unreadable_or_implausible_date_says_so_and_changes_nothing()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = CreatedId(await CreateAsync(a, []));

        var empty = await EditAsync(a, id, new() { ["Input.StartsOn"] = "" });
        var garbage = await EditAsync(a, id, new() { ["Input.EndsOn"] = "abc" });
        var farAway = await EditAsync(a, id, new() { ["Input.EndsOn"] = "9999-12-31" });
        var course = await EditAsync(a, id, new() { ["Input.CourseId"] = "ei-ole" });

        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Alkaa: anna päivämäärä", html);
        Assert.Contains("value=\"Syksyn ryhmä\"", html);
        html = await garbage.Content.ReadAsStringAsync();
        Assert.Contains("Päättyy: anna päivämäärä", html);
        Assert.Contains("value=\"abc\"", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Contains("Päättyy: päivämäärän on oltava vuosien 2000–2100 väliltä.", await farAway.Content.ReadAsStringAsync());
        Assert.Contains("Koulutus on pakollinen tieto.", await course.Content.ReadAsStringAsync());
        var cohort = await _learning.DbAsync(db => db.Cohorts.SingleAsync());
        Assert.Equal(("Kevään ryhmä", new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 1)), (cohort.Name, cohort.StartsOn, cohort.EndsOn));
    }

    [Theory]
    [InlineData("fi", "2.9.2026", 2)]
    [InlineData("sv", "3.9.2026", 3)]
    [InlineData("en", "04/09/2026", 4)]
    [InlineData("en", "2026-09-05", 5)]
    public async Task A_date_typed_in_the_viewers_own_order_is_read_day_first(string language, string typed, int day)
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = CreatedId(await CreateAsync(a, []));
        await a.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = language, ["returnUrl"] = "/" }, formUrl: "/");

        // As a browser sends the form: asp-for's date inputs add "__Invariant" markers, which made MVC read them US-style.
        var saved = await a.PostFormFieldsAsync($"/Coordination/Cohorts/Edit/{id}",
        [
            new("Input.Name", "Syksyn ryhmä"), new("Input.CourseId", "kurssi"), new("Input.StartsOn", typed), new("Input.EndsOn", "2027-12-01"),
            new("__Invariant", "Input.StartsOn"), new("__Invariant", "Input.EndsOn"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new DateOnly(2026, 9, day), await _learning.DbAsync(db => db.Cohorts.Select(c => c.StartsOn).SingleAsync()));
    }

    [Theory]
    [InlineData("fi", "09/13/2026", "Alkaa: anna päivämäärä, esimerkiksi 31.8.2026.")]
    [InlineData("sv", "2.9.26", "Börjar: ange ett datum, till exempel 31.8.2026.")]
    [InlineData("en", "9.2.2026", "Starts: enter a date, for example 31/8/2026.")]
    public async Task A_date_in_another_order_is_refused_with_an_example_in_the_viewers_own_order(string language, string typed, string message)
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = CreatedId(await CreateAsync(a, []));
        await a.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = language, ["returnUrl"] = "/" }, formUrl: "/");

        var refused = await EditAsync(a, id, new() { ["Input.StartsOn"] = typed });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(new DateOnly(2026, 12, 1), await _learning.DbAsync(db => db.Cohorts.Select(c => c.StartsOn).SingleAsync()));
    }

    [Fact]
    public async Task A_draft_course_is_neither_offered_nor_accepted_for_a_cohort_and_course_titles_carry_their_language()
    {
        WriteCourse("luonnos", "Luonnoskurssi", "fi", draft: true);
        WriteCourse("english", "English course", "en", draft: false);
        _learning.Reload();
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");

        var form = await a.GetStringAsync("/Coordination/Cohorts");
        Assert.DoesNotContain("Luonnoskurssi", form);
        Assert.Matches("<option (?=[^>]*value=\"english\")(?=[^>]*lang=\"en\")[^>]*>English course</option>", form);

        var refused = await CreateAsync(a, new() { ["Input.CourseId"] = "luonnos" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ryhmän voi perustaa vain julkaistulle koulutukselle.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _learning.DbAsync(db => db.Cohorts.CountAsync()));

        var id = CreatedId(await CreateAsync(a, new() { ["Input.CourseId"] = "english" }));
        Assert.Contains("<td lang=\"en\">English course</td>", await a.GetStringAsync("/Coordination/Cohorts"));
        var edit = await a.GetStringAsync($"/Coordination/Cohorts/Edit/{id}");
        Assert.DoesNotContain("Luonnoskurssi", edit);
        var notSaved = await EditAsync(a, id, new() { ["Input.CourseId"] = "luonnos" });
        Assert.Contains("Ryhmän voi perustaa vain julkaistulle koulutukselle.", await notSaved.Content.ReadAsStringAsync());
        Assert.Equal("english", await _learning.DbAsync(db => db.Cohorts.Select(c => c.CourseId).SingleAsync()));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("999")]
    [InlineData(null)]
    public async Task A_reminder_to_a_tampered_audience_is_refused_and_nobody_is_reminded(string? audience)
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = CreatedId(await CreateAsync(a, []));
        await MemberAsync(a, id, "olli@example.fi", "Olli Odottaja");

        var fields = new Dictionary<string, string> { ["note"] = "Muistathan." };
        if (audience is not null)
        {
            fields["audience"] = audience;
        }

        var refused = await a.PostFormAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remind", fields, formUrl: $"/Coordination/Cohorts/Cohort/{id}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Valitse, kenelle muistutus lähetetään.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
    }

    [Fact]
    public async Task A_reminder_with_a_garbled_selection_is_refused_and_nobody_is_reminded()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = CreatedId(await CreateAsync(a, []));
        var olli = await MemberAsync(a, id, "olli@example.fi", "Olli Odottaja");

        var refused = await a.PostFormFieldsAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remind",
            [new("audience", "Selected"), new("memberIds", $"{olli}"), new("memberIds", "abc")], formUrl: $"/Coordination/Cohorts/Cohort/{id}");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Valintaa ei voitu lukea", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
    }

    [Fact]
    public async Task A_refused_reminder_keeps_the_typed_note_the_chosen_audience_and_the_ticked_people()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = CreatedId(await CreateAsync(a, []));
        var olli = await MemberAsync(a, id, "olli@example.fi", "Olli Odottaja");

        var refused = await a.PostFormFieldsAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remind",
            [new("audience", "Selected"), new("memberIds", $"{olli}"), new("memberIds", "abc"), new("note", "Muistathan <palautuksen> perjantaihin.")],
            formUrl: $"/Coordination/Cohorts/Cohort/{id}");

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Muistathan &lt;palautuksen&gt; perjantaihin.</textarea>", html);
        Assert.Matches(@"id=""audience-selected"" name=""audience"" value=""Selected"" checked", html);
        Assert.DoesNotMatch(@"id=""audience-notstarted"" name=""audience"" value=""NotStarted"" checked", html);
        Assert.Matches($@"value=""{olli}"" form=""reminder-form"" id=""remind-{olli}""[^>]* checked", html);
    }

    [Fact]
    public async Task A_reminder_to_1100_ticked_people_is_read_whole_and_sent()
    {
        var a = await CoordinatorAsync("a@example.fi", "Organisaatio A");
        var id = CreatedId(await CreateAsync(a, []));
        var olli = await MemberAsync(a, id, "olli@example.fi", "Olli Odottaja");
        // More checkboxes than the framework's default of 1,024 form values: one is Olli, the rest name nobody in this cohort.
        var ticked = Enumerable.Range(olli + 1, 1_099).Append(olli).Select(m => new KeyValuePair<string, string>("memberIds", $"{m}"));

        var sent = await a.PostFormFieldsAsync($"/Coordination/Cohorts/Cohort/{id}?handler=Remind",
            ticked.Prepend(new("audience", "Selected")), formUrl: $"/Coordination/Cohorts/Cohort/{id}");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Muistutus lähetetty 1 henkilölle.", await a.GetStringAsync($"/Coordination/Cohorts/Cohort/{id}"));
        Assert.Equal(1, await _learning.DbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectType == "cohort-reminder")));
    }

    private void WriteCourse(string id, string title, string language, bool draft)
    {
        _learning.Write($"{id}/course.yml", $"title: {title}\nsummary: K.\nlanguage: {language}\ncredits: 1\nhours: 27\nversion: \"1\"\n"
            + (draft ? "status: draft\neditors:\n  - kouluttaja@example.fi\n" : "") + "outcomes:\n  - O.\nissuer: Testiverkosto\nsignatory:\n  name: Allekirjoittaja\n");
        _learning.Write($"{id}/01-alku/module.yml", "title: Alku\n");
        _learning.Write($"{id}/01-alku/01-eka.md", "---\ntitle: Eka\nminutes: 5\n---\n\nTekstiä.\n");
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient coordinator, Dictionary<string, string> changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Kevään ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        };
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return coordinator.PostFormAsync("/Coordination/Cohorts", fields);
    }

    private static Task<HttpResponseMessage> EditAsync(HttpClient coordinator, int id, Dictionary<string, string> changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Syksyn ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2027-08-01", ["Input.EndsOn"] = "2027-12-01",
        };
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return coordinator.PostFormAsync($"/Coordination/Cohorts/Edit/{id}", fields);
    }

    private static int CreatedId(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A participant of the coordinator's organisation added to the cohort; returns the membership's id.</summary>
    private async Task<int> MemberAsync(HttpClient coordinator, int cohortId, string email, string name)
    {
        var p = await _learning.ParticipantAsync(email, name);
        await TestOrganisations.JoinAsync(_learning.Site.Services, p.UserId, "Organisaatio A");
        await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohortId}?handler=Typed", new Dictionary<string, string> { ["typed"] = email },
            formUrl: $"/Coordination/Cohorts/Cohort/{cohortId}");
        return await _learning.DbAsync(db => db.CohortMembers.Where(m => m.CohortId == cohortId && m.UserId == p.UserId).Select(m => m.Id).SingleAsync());
    }

    private async Task<HttpClient> CoordinatorAsync(string email, string organisation) =>
        (await TestUsers.SignedInCoordinatorAsync(_learning.Site, organisation, email)).Client;
}
