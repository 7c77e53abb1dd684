using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// A problem with the whole file or list (too large, nobody in it, a mangled list posted back) is one plain message
/// in the page's language, not "1 row with an error … Row 1: …"; errors on real rows keep their row numbers.
/// </summary>
public sealed class CohortImportListProblemTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Theory]
    [InlineData("fi", "Tiedosto on liian suuri (enintään 2 Mt).", "Rivi 1", "virheellinen rivi")]
    [InlineData("sv", "Filen är för stor (högst 2 MB).", "Rad 1", "felaktig rad")]
    [InlineData("en", "The file is too large (at most 2 MB).", "Row 1", "row with an error")]
    public async Task A_file_too_large_is_one_message_without_row_wording_in_the_page_language(string language, string message, string row, string heading)
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync(language);
        var file = System.Text.Encoding.UTF8.GetBytes("email;name\n" + string.Concat(Enumerable.Repeat("liisa@example.fi;Liisa Lahti\n", 110_000))); // about 3 MB

        var response = await coordinator.PostMultipartAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Upload",
            new Dictionary<string, object> { ["file"] = file }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{language}\"", page);
        Assert.Contains(message, page);
        Assert.DoesNotContain(row, page);
        Assert.DoesNotContain(heading, page);
    }

    [Fact]
    public async Task A_file_without_an_address_column_is_one_message_without_row_wording()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync("fi");

        var response = await coordinator.PostMultipartAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Upload",
            new Dictionary<string, object> { ["file"] = "nimi;puhelin\nMaija;040\n"u8.ToArray() }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sähköpostisarake puuttuu", page);
        Assert.DoesNotContain("Rivi 1", page);
        Assert.DoesNotContain("virheellinen rivi", page);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";;")]
    public async Task A_typed_list_with_nobody_in_it_is_one_message_and_the_text_stays_in_the_box(string typed)
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync("fi");

        var response = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = typed }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Listassa ei ole yhtään henkilöä.", page);
        Assert.DoesNotContain("Rivi 1", page);
        Assert.DoesNotContain("virheellinen rivi", page);
        Assert.Contains($"aria-describedby=\"typed-hint\">{typed}</textarea>", page);
    }

    [Fact]
    public async Task A_mangled_list_posted_back_for_import_is_one_message_without_row_wording()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync("fi");

        var response = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=ImportValid",
            new Dictionary<string, string> { ["rows"] = "not json" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tuotavien rivien lista oli virheellinen.", page);
        Assert.DoesNotContain("Rivi 1", page);
        Assert.DoesNotContain("virheellinen rivi", page);
    }

    [Fact]
    public async Task A_bad_row_is_still_listed_with_its_row_number()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync("fi");

        var response = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = "liisa@example.fi\nei-osoite" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Listassa on 1 virheellinen rivi", page);
        Assert.Contains("Rivi 2: ", page);
        Assert.Contains("Tuo vain kelvolliset rivit (1)", page);
    }

    private async Task<(HttpClient Client, int Cohort)> CoordinatorWithCohortAsync(string language)
    {
        var user = await TestUsers.CreateAsync(_learning.Site.Services, "koordinaattori@example.fi", "Kirsi Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(_learning.Site.Services, user.Id, "Organisaatio A");
        // Signing in sets the page's language to the account's.
        await _learning.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, language)));
        var client = _learning.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(TestSite.BaseUrl) });
        await client.SignInAsync(user.Email!, TestUsers.Password);
        var response = await client.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kevät 2027", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return (client, int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
