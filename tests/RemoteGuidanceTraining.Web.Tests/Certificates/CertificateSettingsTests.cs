using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Certificates;

/// <summary>
/// Issuer and signatory come from the Certificates settings, not from course.yml; an install that has not set
/// them says so in the log, to trainers and admins, and on the certificate itself instead of inventing a name.
/// </summary>
public sealed class CertificateSettingsTests
{
    private static readonly Dictionary<string, string?> _set = new()
    {
        ["Certificates:Issuer"] = "Lapin koulutusverkosto",
        ["Certificates:Signatory:Name"] = "Sanna Allekirjoittaja",
        ["Certificates:Signatory:Title"] = "koulutuspäällikkö",
    };

    [Fact]
    public async Task A_certificate_names_the_configured_issuer_and_signatory_not_the_course_yml()
    {
        using var learning = new LearningSite(_set);
        var p = await learning.ParticipantAsync();

        await p.CompleteAllAsync();

        var certificate = await learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId));
        Assert.Equal(("Lapin koulutusverkosto", "Sanna Allekirjoittaja", "koulutuspäällikkö"),
            (certificate.IssuerName, certificate.SignatoryName, certificate.SignatoryTitle));
        var text = PdfTexts.Of(certificate.Pdf);
        Assert.Contains("Lapin koulutusverkosto", text);
        Assert.Contains("Sanna Allekirjoittaja", text);
        Assert.DoesNotContain("Testiverkosto", text); // the old issuer: line in the fixture's course.yml is not used
        Assert.Contains("Lapin koulutusverkosto", await p.Client.GetStringAsync("/courses/kurssi"));
    }

    [Fact]
    public async Task Without_settings_the_certificate_says_issuer_not_set_in_its_language()
    {
        using var learning = new LearningSite();
        var p = await learning.ParticipantAsync();

        await p.CompleteAllAsync();

        var certificate = await learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId));
        Assert.Equal(("Myöntäjää ei ole asetettu", "Allekirjoittajaa ei ole asetettu", null),
            (certificate.IssuerName, certificate.SignatoryName, certificate.SignatoryTitle));
        Assert.Contains("Myöntäjää ei ole asetettu", PdfTexts.Of(certificate.Pdf));
        Assert.DoesNotContain("Testiverkosto", PdfTexts.Of(certificate.Pdf));
    }

    [Fact]
    public async Task Without_settings_an_English_reader_is_told_in_English_and_verify_marks_the_certificates_own_language()
    {
        using var learning = new LearningSite();
        var p = await learning.ParticipantAsync();
        await p.CompleteAllAsync();
        var certificate = await learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId));
        var english = learning.Site.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var course = await english.GetStringAsync("/courses/kurssi");
        var verify = await english.GetStringAsync($"/verify/{certificate.VerificationCode}");

        Assert.Contains("Issuer not set", course);
        Assert.DoesNotContain("Myöntäjää ei ole asetettu", course);
        // The certificate was written in Finnish: its issuer line and course title stay so, marked for screen readers.
        Assert.Contains("<dd lang=\"fi\">Myöntäjää ei ole asetettu</dd>", verify);
        Assert.Contains($"<dd lang=\"fi\">{certificate.CourseTitle}</dd>", verify);
    }

    [Fact]
    public async Task Trainers_see_a_notice_on_course_problems_until_the_settings_are_set()
    {
        using var unset = new LearningSite();
        using var set = new LearningSite(_set);

        var withoutSettings = await TrainerPageAsync(unset);
        var withSettings = await TrainerPageAsync(set);

        Assert.Contains("Todistusten myöntäjää tai allekirjoittajaa ei ole asetettu", withoutSettings);
        Assert.Contains("Certificates:Issuer", withoutSettings);
        Assert.DoesNotContain("Todistusten myöntäjää tai allekirjoittajaa ei ole asetettu", withSettings);
    }

    [Fact]
    public async Task A_fresh_install_logs_a_warning_at_start_for_each_missing_setting()
    {
        var unsetLog = await StartupWarningsAsync(new Dictionary<string, string?>());
        var setLog = await StartupWarningsAsync(_set);

        Assert.Contains(unsetLog, m => m.Contains("Certificates:Issuer is not set", StringComparison.Ordinal));
        Assert.Contains(unsetLog, m => m.Contains("Certificates:Signatory:Name is not set", StringComparison.Ordinal));
        Assert.DoesNotContain(setLog, m => m.Contains("Certificates:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_issuer_too_long_for_the_certificate_stops_the_start_with_a_clear_message()
    {
        using var data = new TempFolder();
        await using var app = SiteBuilder.Build([$"--contentRoot={RepoPaths.WebProject}", $"--App:DataFolder={data.Path}",
            "--App:PublicBaseUrl=https://koulutus.example.fi", "--AllowedHosts=koulutus.example.fi", $"--Certificates:Issuer={new string('x', 301)}"]);

        var error = await Assert.ThrowsAsync<StartupException>(() => StartChecks.RunAsync(app.Services));

        Assert.Contains("Certificates:Issuer may have at most 300 characters", error.Message);
    }

    private static async Task<string> TrainerPageAsync(LearningSite learning)
    {
        var email = $"k-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(learning.Site.Services, email, "Kaija Kouluttaja", Roles.Trainer);
        var trainer = learning.Site.CreateBrowserLikeClient();
        await trainer.SignInAsync(email, TestUsers.Password);
        return await trainer.GetStringAsync("/Trainer/CourseProblems");
    }

    private static async Task<List<string>> StartupWarningsAsync(Dictionary<string, string?> settings)
    {
        var logs = new ListLoggerProvider();
        using var site = TestSite.With(settings);
        using var logged = site.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = logged.CreateClient();
        await client.GetAsync("/");
        return [.. logs.Messages.Where(m => m.Level == LogLevel.Warning).Select(m => m.Text)];
    }

}
