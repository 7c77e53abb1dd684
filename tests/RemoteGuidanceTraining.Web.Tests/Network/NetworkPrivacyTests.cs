using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Network;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using static RemoteGuidanceTraining.Web.Tests.Network.NetworkKit;

namespace RemoteGuidanceTraining.Web.Tests.Network;

/// <summary>The public network shows what people published and nothing else: not in the page, its HTML, or the exports.</summary>
public sealed class NetworkPrivacyTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Only_published_fields_of_visible_profiles_appear_in_pages_and_exports()
    {
        var anna = await SignedInAsync(_site, "anna.yksityinen@example.fi", "Anna Yksityinen-Sukunimi");
        await CertificateAsync(_site.Services, "anna.yksityinen@example.fi", "kurssi-a", "Näytetty koulutus", "AAAA-BBBB-CCCC");
        await CertificateAsync(_site.Services, "anna.yksityinen@example.fi", "kurssi-b", "Salainen koulutus", "DDDD-EEEE-FFFF");
        await JoinAsync(_site.Services, anna, new("Anna A.", "utsjoki", ["inari"], ["se", "fi"], ["chat"], Trainings: ["kurssi-a"]));
        // The completed trainings to choose from keep their certificates' language.
        Assert.Contains("<span lang=\"fi\">Näytetty koulutus</span>", await anna.GetStringAsync("/Network/Profile"));
        await TestUsers.CreateAsync(_site.Services, "bertta@example.fi", "Bertta Liittymätön");
        var cecilia = await SignedInAsync(_site, "cecilia@example.fi", "Cecilia Piilotettu");
        await JoinAsync(_site.Services, cecilia, new("Cecilia Piilotettu", "tornio", [], ["fi"], ["phone"]));
        var admin = await SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var ceciliaProfile = await DbAsync(_site.Services, db => db.NetworkProfiles.Where(p => p.DisplayName == "Cecilia Piilotettu").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Network/Coordination/Index?handler=Hide&id={ceciliaProfile}", new Dictionary<string, string>(), formUrl: "/Network/Coordination/Index")).StatusCode);
        var annaId = await DbAsync(_site.Services, db => db.Users.Where(u => u.Email == "anna.yksityinen@example.fi").Select(u => u.Id).SingleAsync());

        var visitor = _site.CreateClient();
        var outputs = new Dictionary<string, string>();
        foreach (var url in new[] { "/verkosto", "/natverk", "/network?language=se", "/verkosto?area=group:saamelaisalue", "/verkosto/export/csv", "/verkosto/export/json" })
        {
            outputs[url] = await visitor.GetStringAsync(url);
        }

        foreach (var (url, text) in outputs)
        {
            Assert.Contains("Anna A.", text);
            Assert.Contains("AAAA-BBBB-CCCC", text);
            Assert.Contains("Näytetty koulutus", text);
            foreach (var secret in new[] { "anna.yksityinen@example.fi", "Yksityinen-Sukunimi", "DDDD-EEEE-FFFF", "Salainen koulutus", annaId, "Bertta", "Cecilia", "cecilia@example.fi" })
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows '{secret}'.");
            }
        }

        Assert.Contains("lang=\"fi\" href=\"/verify/AAAA-BBBB-CCCC\"", outputs["/verkosto"]); // the certificate's language
        using var json = JsonDocument.Parse(outputs["/verkosto/export/json"]);
        var profile = Assert.Single(json.RootElement.GetProperty("profiles").EnumerateArray());
        Assert.Equal(
            ["display_name", "title", "organisation", "home_municipality", "municipalities_served", "services", "target_groups", "languages",
             "other_languages", "channels", "public_contact", "trainings", "updated"],
            profile.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("utsjoki", profile.GetProperty("home_municipality").GetString());
        Assert.Equal(["inari", "utsjoki"], profile.GetProperty("municipalities_served").EnumerateArray().Select(e => e.GetString() ?? "").ToArray());
        Assert.StartsWith("display_name;title;organisation;home_municipality", outputs["/verkosto/export/csv"].TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task The_profile_is_in_its_owners_data_export()
    {
        var anna = await SignedInAsync(_site, "anna.vienti@example.fi", "Anna Vienti");
        await JoinAsync(_site.Services, anna, new("Anna A.", "utsjoki", ["inari"], ["se", "fi"], ["chat"], Title: "Nuorten ohjaaja"));

        var response = await anna.PostFormAsync("/Account/Manage/Data", new Dictionary<string, string>());
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("my-data.json")!.Open());
        using var json = System.Text.Json.JsonDocument.Parse(await reader.ReadToEndAsync());

        var profile = json.RootElement.GetProperty("networkProfile");
        Assert.Equal("Nuorten ohjaaja", profile.GetProperty("title").GetString());
        Assert.Equal("utsjoki", profile.GetProperty("homeMunicipality").GetString());
        Assert.Equal(["inari", "utsjoki"], profile.GetProperty("municipalitiesServed").EnumerateArray().Select(e => e.GetString() ?? "").ToArray());
        Assert.Contains(profile.GetProperty("channels").EnumerateArray(), c => c.GetProperty("channel").GetString() == "chat");
    }

    [Fact]
    public async Task Leaving_deletes_the_profile_and_everything_under_it_at_once()
    {
        var anna = await SignedInAsync(_site, "anna@example.fi", "Anna Lähtijä");
        await JoinAsync(_site.Services, anna, new("Anna Lähtijä", "inari", ["utsjoki", "enontekio"], ["se", "smn"], ["chat", "video"]));
        Assert.Contains("Anna Lähtijä", await _site.CreateClient().GetStringAsync("/verkosto"));

        var left = await PostProfileAsync(anna, [], handler: "Leave");

        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.DoesNotContain("Anna Lähtijä", await _site.CreateClient().GetStringAsync("/verkosto"));
        Assert.DoesNotContain("Anna Lähtijä", await _site.CreateClient().GetStringAsync("/verkosto/export/json"));
        Assert.Equal(0, await DbAsync(_site.Services, db => db.NetworkProfiles.CountAsync()));
        Assert.Equal(0, await DbAsync(_site.Services, db => db.Set<NetworkProfileTag>().CountAsync()));
        Assert.Equal(0, await DbAsync(_site.Services, db => db.Set<NetworkProfileChannel>().CountAsync()));
        Assert.Equal(0, await DbAsync(_site.Services, db => db.Set<NetworkProfileMunicipality>().CountAsync()));
        Assert.Contains("Liity verkostoon", await anna.GetStringAsync("/Network/Profile"));
    }

    [Fact]
    public async Task A_deleted_account_leaves_the_network_even_when_its_certificates_keep_an_anonymous_row()
    {
        // Both keep a certificate, so their account rows stay as stubs and nothing cascades from them.
        var anna = await SignedInAsync(_site, "anna.poistuva@example.fi", "Anna Poistuva");
        await CertificateAsync(_site.Services, "anna.poistuva@example.fi", "kurssi-a", "Annan koulutus", "ANNA-AAAA-BBBB");
        await JoinAsync(_site.Services, anna, new("Anna Verkostossa", "utsjoki", ["inari"], ["fi"], ["chat"], Contact: "anna.palvelu@example.fi", Trainings: ["kurssi-a"]));
        var bertta = await SignedInAsync(_site, "bertta.poistettava@example.fi", "Bertta Poistettava");
        await CertificateAsync(_site.Services, "bertta.poistettava@example.fi", "kurssi-a", "Bertan koulutus", "BERT-AAAA-BBBB");
        await JoinAsync(_site.Services, bertta, new("Bertta Verkostossa", "tornio", [], ["fi"], ["phone"], Contact: "bertta.palvelu@example.fi"));
        var admin = await SignedInAsync(_site, "admin@example.fi", "Anja Admin", Roles.Admin);
        var berttaId = await DbAsync(_site.Services, db => db.Users.Where(u => u.Email == "bertta.poistettava@example.fi").Select(u => u.Id).SingleAsync());
        Assert.Contains("Anna Verkostossa", await _site.CreateClient().GetStringAsync("/verkosto"));

        var self = await anna.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });
        var byAdmin = await admin.PostFormAsync($"/Admin/DeleteUser/{berttaId}", new Dictionary<string, string> { ["confirm"] = "true" });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (self.StatusCode, byAdmin.StatusCode));
        Assert.Equal(3, await DbAsync(_site.Services, db => db.Users.CountAsync())); // two stubs and the admin
        var visitor = _site.CreateClient();
        foreach (var url in new[] { "/verkosto", "/verkosto/export/csv", "/verkosto/export/json" })
        {
            var text = await visitor.GetStringAsync(url);
            foreach (var gone in new[] { "Anna Verkostossa", "anna.palvelu@example.fi", "ANNA-AAAA-BBBB", "Bertta Verkostossa", "bertta.palvelu@example.fi" })
            {
                Assert.False(text.Contains(gone, StringComparison.OrdinalIgnoreCase), $"{url} still shows '{gone}'.");
            }
        }

        Assert.Equal(0, await DbAsync(_site.Services, db => db.NetworkProfiles.CountAsync()));
        Assert.Equal(0, await DbAsync(_site.Services, db => db.Set<NetworkProfileTag>().CountAsync()));
    }

    [Fact]
    public async Task Bad_profile_input_gets_a_clear_message_and_saves_nothing()
    {
        var anna = await SignedInAsync(_site, "anna@example.fi", "Anna Virheellinen");
        var good = await FieldsAsync(_site.Services, new("Anna", "kemi", [], ["fi"], ["phone"]));
        var cases = new (string Expected, Func<List<KeyValuePair<string, string>>, IEnumerable<KeyValuePair<string, string>>> Change)[]
        {
            ("Tehtävänimike saa olla enintään 100 merkkiä.", f => Replace(f, "Input.Title", new string('x', 101))),
            ("Julkinen yhteystieto saa olla enintään 200 merkkiä.", f => Replace(f, "Input.PublicContact", new string('x', 201))),
            ("Tavoitettavuus saa olla enintään 100 merkkiä.", f => Replace(f, "Input.Channels[0].Hours", new string('x', 101))),
            ("Lomakkeessa oli valinta, jota ei ole luettelossa.", f => f.Append(new("Input.Services", "hakkerointi"))),
            ("Lomakkeessa oli valinta, jota ei ole luettelossa.", f => f.Append(new("Input.Trainings", "kurssi-jota-ei-ole-suoritettu"))),
            ("Valitse kotikunta luettelosta.", f => Replace(f, "Input.HomeMunicipalityId", "99999")),
            ("Kirjoita valitulle kanavalle, milloin sinut tavoittaa.", f => Replace(f, "Input.Channels[0].Hours", "")),
            ("Valitse vähintään yksi kanava.", f => f.Where(p => p.Key != "Input.Channels[0].Offered")),
            ("Näytettävä nimi on pakollinen tieto.", f => Replace(f, "Input.DisplayName", "")),
        };

        foreach (var (expected, change) in cases)
        {
            var response = await PostProfileAsync(anna, change(good));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal(0, await DbAsync(_site.Services, db => db.NetworkProfiles.CountAsync()));
    }

    [Fact]
    public async Task Profile_curation_and_area_pages_require_the_right_person()
    {
        var anonymous = _site.CreateBrowserLikeClient();
        Assert.Contains("/Account/Login", (await anonymous.GetAsync("/Network/Profile")).Headers.Location!.OriginalString);
        var participant = await SignedInAsync(_site, "osallistuja@example.fi", "Olli Osallistuja");
        foreach (var url in new[] { "/Network/Coordination/Index", "/Network/Coordination/Gaps", "/Network/Admin/Areas" })
        {
            Assert.Contains("/Account/AccessDenied", (await participant.GetAsync(url)).Headers.Location!.OriginalString);
        }

        var coordinator = await SignedInAsync(_site, "koordinaattori@example.fi", "Kaija Koordinaattori", Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/Network/Coordination/Gaps")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await coordinator.GetAsync("/Network/Admin/Areas")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/verkosto?area=nonsense&language=xx&municipality=atlantis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/verkosto/export/xml")).StatusCode);
    }

    private static IEnumerable<KeyValuePair<string, string>> Replace(List<KeyValuePair<string, string>> fields, string key, string value) =>
        fields.Where(f => f.Key != key).Append(new(key, value));
}
