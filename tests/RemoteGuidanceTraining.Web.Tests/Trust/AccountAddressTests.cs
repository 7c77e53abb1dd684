using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>
/// An address becomes an account's user name, so every form that takes one for an account (registration, the
/// address change, a cohort's typed list and file) refuses what the account could not have, with a message, instead
/// of failing later: a 500 on import, a silent "check your mail" on registration, a sign-in that no longer works.
/// </summary>
public sealed class AccountAddressTests : IDisposable
{
    private const string Umlaut = "mäkinen@example.fi";
    private const string Apostrophe = "o'neil@example.fi";
    private static readonly string _tooLong = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".fi";

    private readonly LearningSite _learning = new();

    private TestSite Site => _learning.Site;

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task A_cohort_list_with_addresses_no_account_can_have_gets_row_messages_keeps_the_text_and_imports_nothing()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var typed = $"{Umlaut};Matti Mäkinen\n{_tooLong};Pitkä Osoite\nlaura@example.fi;Laura Laine;{new string('O', 201)}\n{Apostrophe};Owen O'Neil";

        var response = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = typed }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Listassa on 3 virheellistä riviä", html); // typed, not a file
        Assert.Contains("Rivi 1: Osoitteessa \"mäkinen@example.fi\" voi olla vain", html);
        Assert.Contains("Rivi 2: Osoite on yli 254 merkkiä pitkä.", html);
        Assert.Contains("Rivi 3: Organisaation nimi on yli 200 merkkiä pitkä.", html);
        Assert.DoesNotContain("Rivi 4", html); // an apostrophe is fine
        Assert.Contains("Owen O'Neil", html);   // the typed list is still in the box
        Assert.Null(await UserAsync(Umlaut));
        Assert.Null(await UserAsync(Apostrophe)); // all or nothing

        var apostropheOnly = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = $"{Apostrophe};Owen O'Neil" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Equal(HttpStatusCode.Redirect, apostropheOnly.StatusCode);
        Assert.NotNull(await UserAsync(Apostrophe));
        await Site.Mailbox.WaitForAsync(Apostrophe);
    }

    [Fact]
    public async Task Registration_refuses_an_address_no_account_can_have_with_a_message_and_takes_an_apostrophe()
    {
        var client = Site.CreateBrowserLikeClient();
        var refused = await client.PostFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.FullName"] = "Matti Mäkinen", ["Input.Email"] = Umlaut });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.True(refusedHtml.Contains("voi olla vain kirjaimia a–z", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Replace(refusedHtml[refusedHtml.IndexOf("<main", StringComparison.Ordinal)..], @"\s+", " "));

        var taken = await client.PostFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.FullName"] = "Owen O'Neil", ["Input.Email"] = Apostrophe });
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        await Site.Mailbox.WaitForAsync(Apostrophe);
    }

    [Fact]
    public async Task The_address_change_refuses_an_address_too_long_to_sign_in_with_or_with_letters_outside_a_to_z()
    {
        var participant = await _learning.ParticipantAsync("pia@example.fi");

        foreach (var (address, message) in new[] { (_tooLong, "enintään 254 merkkiä"), (Umlaut, "voi olla vain kirjaimia a–z") })
        {
            var response = await participant.Client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = address });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
            Assert.Empty(Site.Mailbox.To(address));
        }
    }

    [Theory]
    [InlineData("pia@example.fi.")]
    [InlineData(".pia@example.fi")]
    [InlineData("pia.@example.fi")]
    [InlineData("pia@.example.fi")]
    [InlineData("pia..virtanen@example.fi")]
    public async Task An_address_with_misplaced_dots_is_refused_everywhere_an_account_gets_one(string address)
    {
        // "pia@example.fi." reaches pia@example.fi's mailbox: accepted, it was a second account for the same person.
        await _learning.ParticipantAsync("pia@example.fi");
        const string message = "pisteet ovat väärissä kohdissa";

        var register = await Site.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.FullName"] = "Pia Piste", ["Input.Email"] = address });
        var change = await (await _learning.ParticipantAsync()).Client.PostFormAsync("/Account/Manage/Email", new Dictionary<string, string> { ["NewEmail"] = address });
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var list = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = $"{address};Pia Piste" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        foreach (var response in new[] { register, change, list })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        Assert.Null(await UserAsync(address));
        Assert.Empty(Site.Mailbox.To(address));
    }

    [Theory]
    [InlineData(65, 10, false)]
    [InlineData(10, 70, false)]
    [InlineData(64, 63, true)]
    public async Task Registration_and_a_cohort_file_refuse_an_address_part_longer_than_mail_carries_and_take_the_longest_that_fits(int localLength, int labelLength, bool fits)
    {
        // Within the 254 total, yet no mail server takes a part before the @ over 64 characters or a domain part over 63.
        var registered = new string('r', localLength) + "@" + new string('d', labelLength) + ".fi";
        var imported = new string('i', localLength) + "@" + new string('d', labelLength) + ".fi";

        var register = await Site.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.FullName"] = "Pia Pitkä", ["Input.Email"] = registered });
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var upload = await coordinator.PostMultipartAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Upload",
            new Dictionary<string, object> { ["file"] = System.Text.Encoding.UTF8.GetBytes($"email;name\n{imported};Iida Pitkä\n") },
            formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        if (fits)
        {
            Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            await Site.Mailbox.WaitForAsync(registered);
            Assert.NotNull(await UserAsync(imported));
            return;
        }

        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Contains("Sähköpostiosoitteen osa on liian pitkä", WebUtility.HtmlDecode(await register.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains($"Rivi 2: Osoitteen \"{imported}\" osa on liian pitkä", WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync()));
        Assert.Null(await UserAsync(registered));
        Assert.Null(await UserAsync(imported));
        Assert.Empty(Site.Mailbox.All());
    }

    private async Task<AppUser?> UserAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    private async Task<(HttpClient Client, int Cohort)> CoordinatorWithCohortAsync()
    {
        var (client, _) = await TestUsers.SignedInCoordinatorAsync(Site, "Organisaatio A");
        var response = await client.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return (client, int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
