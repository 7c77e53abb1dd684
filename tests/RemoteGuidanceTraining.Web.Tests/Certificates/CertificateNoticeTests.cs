using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Certificates;

/// <summary>What the holder is told when their certificate is reissued or revoked, and what they can still download.</summary>
public sealed class CertificateNoticeTests : IDisposable
{
    private const string Organisation = "Ilmoitusopisto";
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_certificate_mail_links_the_verification_page()
    {
        var (_, certificate) = await CompletedAsync("Lauri Linkki");

        var mail = Assert.Single(await MailsAsync(certificate.VerificationCode));

        var url = $"{TestSite.BaseUrl}/verify/{certificate.VerificationCode}";
        Assert.Contains($"<a href=\"{url}\">{url}</a>", mail.HtmlBody);
        Assert.Contains(url, mail.TextBody);
    }

    [Fact]
    public async Task Revoking_mails_the_holder_in_their_language_and_my_studies_says_so()
    {
        var (p, certificate) = await CompletedAsync("Reijo Peruttava");
        await _learning.DbAsync(db => db.Users.Where(u => u.Id == p.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "en")));
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, Organisation);

        await coordinator.PostFormAsync($"/Coordination/Certificate/{certificate.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "Suoritus kirjattu väärälle henkilölle", ["confirm"] = "true" }, formUrl: $"/Coordination/Certificate/{certificate.Id}");

        var mail = Assert.Single(await MailsAsync(certificate.VerificationCode), m => m.Attachments.Count() == 0);
        Assert.Equal("Certificate revoked: Pieni kurssi", mail.Subject);
        var date = HelsinkiTime.FromUtc(DateTime.UtcNow).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"(serial number {certificate.SerialNumber}, verification code {certificate.VerificationCode}) was revoked on {date}", mail.TextBody);
        Assert.Contains("The PDF certificate you have is no longer valid.", mail.TextBody);
        Assert.Contains("Suoritus kirjattu väärälle henkilölle", mail.TextBody);
        Assert.Contains("contact your organisation's coordinator", mail.TextBody);
        Assert.Contains("<span lang=\"fi\">Pieni kurssi</span>", mail.HtmlBody);
        Assert.Contains($"href=\"{TestSite.BaseUrl}/verify/{certificate.VerificationCode}\"", mail.HtmlBody);

        var studies = await p.Client.GetStringAsync("/my-studies");
        Assert.Contains($"Todistus peruttiin {HelsinkiTime.FromUtc(DateTime.UtcNow):d.M.yyyy}, eikä se ole enää voimassa.", studies);
        Assert.DoesNotContain("handler=Certificate", studies);
    }

    [Fact]
    public async Task A_reissued_certificate_is_mailed_as_a_correction_that_replaces_the_old_one()
    {
        var (p, old) = await CompletedAsync("Mikko Virhenimi");
        await p.Client.PostFormAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Mikko Oikeanimi", ["Input.Organisation"] = "", ["Input.PreferredLanguage"] = "fi",
        });
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, Organisation);

        await coordinator.PostFormAsync($"/Coordination/Certificate/{old.Id}?handler=Reissue",
            new Dictionary<string, string> { ["note"] = "Nimen korjaus" }, formUrl: $"/Coordination/Certificate/{old.Id}");

        var replacement = await _learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId && c.Status == CertificateStatus.Valid));
        var mail = Assert.Single(await MailsAsync(replacement.VerificationCode));
        Assert.Equal("Korjattu todistus: Pieni kurssi", mail.Subject);
        Assert.DoesNotContain("onnittelut", mail.TextBody);
        Assert.Contains($"korvaa aiemman todistuksen (sarjanumero {old.SerialNumber}, tarkistuskoodi {old.VerificationCode}). Aiempi todistus ei ole enää voimassa", mail.TextBody);
        Assert.Contains("Nimen korjaus", mail.TextBody);
        var pdf = mail.Attachments.OfType<MimePart>().Single();
        using var bytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(bytes);
        Assert.Equal(replacement.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
    }

    [Fact]
    public async Task A_replaced_or_revoked_certificate_is_not_handed_out_and_the_page_says_why()
    {
        var (p, old) = await CompletedAsync("Ville Vanha");
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, Organisation);
        await coordinator.PostFormAsync($"/Coordination/Certificate/{old.Id}?handler=Reissue",
            new Dictionary<string, string> { ["note"] = "" }, formUrl: $"/Coordination/Certificate/{old.Id}");
        var current = await _learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId && c.Status == CertificateStatus.Valid));

        var replaced = await p.Client.GetAsync($"/my-studies?id={old.Id}&handler=Certificate");

        Assert.Equal(HttpStatusCode.Gone, replaced.StatusCode);
        var page = await replaced.Content.ReadAsStringAsync();
        Assert.Contains($"Todistus {old.SerialNumber} on korvattu korjatulla todistuksella", page);
        Assert.Contains($"href=\"/my-studies?id={current.Id}&amp;handler=Certificate\"", page);
        Assert.Equal("application/pdf", (await p.Client.GetAsync($"/my-studies?id={current.Id}&handler=Certificate")).Content.Headers.ContentType?.MediaType);

        await coordinator.PostFormAsync($"/Coordination/Certificate/{current.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "Virhe", ["confirm"] = "true" }, formUrl: $"/Coordination/Certificate/{current.Id}");
        var revoked = await p.Client.GetAsync($"/my-studies?id={current.Id}&handler=Certificate");
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Contains($"Todistus {current.SerialNumber} peruttiin {HelsinkiTime.FromUtc(DateTime.UtcNow):d.M.yyyy}", await revoked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Resending_a_corrected_certificate_mails_it_as_the_correction_again()
    {
        var (p, old) = await CompletedAsync("Rauni Uusinta");
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, Organisation);
        await coordinator.PostFormAsync($"/Coordination/Certificate/{old.Id}?handler=Reissue",
            new Dictionary<string, string> { ["note"] = "Nimen korjaus" }, formUrl: $"/Coordination/Certificate/{old.Id}");
        var replacement = await _learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId && c.Status == CertificateStatus.Valid));

        await coordinator.PostFormAsync($"/Coordination/Certificate/{replacement.Id}?handler=Resend",
            new Dictionary<string, string>(), formUrl: $"/Coordination/Certificate/{replacement.Id}");

        // The reissue's mail and the resent one: both are the correction; the note went with the reissue only.
        var mails = await MailsAsync(replacement.VerificationCode);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("Korjattu todistus: Pieni kurssi", m.Subject));
        Assert.All(mails, m => Assert.DoesNotContain("onnittelut", m.TextBody, StringComparison.OrdinalIgnoreCase));
        Assert.All(mails, m => Assert.Contains($"(sarjanumero {old.SerialNumber}, tarkistuskoodi {old.VerificationCode})", m.TextBody));
        Assert.Single(mails, m => m.TextBody?.Contains("Nimen korjaus") == true);
    }

    [Fact]
    public async Task A_revoked_certificate_with_a_new_one_after_it_links_the_new_one()
    {
        var (p, revoked) = await CompletedAsync("Aapo Armahdettu");
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, Organisation);
        var url = $"/Coordination/Certificate/{revoked.Id}";
        await coordinator.PostFormAsync($"{url}?handler=Revoke", new Dictionary<string, string> { ["reason"] = "Erehdys", ["confirm"] = "true" }, formUrl: url);
        await coordinator.PostFormAsync($"{url}?handler=IssueNew", new Dictionary<string, string> { ["note"] = "" }, formUrl: url);
        var current = await _learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId && c.Status == CertificateStatus.Valid));

        var response = await p.Client.GetAsync($"/my-studies?id={revoked.Id}&handler=Certificate");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        // In the notice itself, not only in the list of completed courses further down.
        var page = await response.Content.ReadAsStringAsync();
        var start = page.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        var notice = page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)];
        Assert.Contains($"Todistus {revoked.SerialNumber} peruttiin", notice);
        Assert.Contains($"href=\"/my-studies?id={current.Id}&amp;handler=Certificate\"", notice);
    }

    [Fact]
    public async Task A_new_certificate_after_a_revocation_is_mailed_as_following_the_revoked_one_and_so_is_its_resend()
    {
        var (p, revoked) = await CompletedAsync("Aino Armahdettu");
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(_learning.Site, Organisation);
        await coordinator.PostFormAsync($"/Coordination/Certificate/{revoked.Id}?handler=Revoke",
            new Dictionary<string, string> { ["reason"] = "Peruttu erehdyksessä", ["confirm"] = "true" }, formUrl: $"/Coordination/Certificate/{revoked.Id}");

        await coordinator.PostFormAsync($"/Coordination/Certificate/{revoked.Id}?handler=IssueNew",
            new Dictionary<string, string> { ["note"] = "Suoritus tarkistettu" }, formUrl: $"/Coordination/Certificate/{revoked.Id}");
        var fresh = await _learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId && c.Status == CertificateStatus.Valid));
        await coordinator.PostFormAsync($"/Coordination/Certificate/{fresh.Id}?handler=Resend",
            new Dictionary<string, string>(), formUrl: $"/Coordination/Certificate/{fresh.Id}");

        var mails = await MailsAsync(fresh.VerificationCode);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("Uusi todistus: Pieni kurssi", m.Subject));
        Assert.All(mails, m => Assert.DoesNotContain("onnittelut", m.TextBody, StringComparison.OrdinalIgnoreCase));
        Assert.All(mails, m => Assert.Contains($"perutun todistuksen (sarjanumero {revoked.SerialNumber}, tarkistuskoodi {revoked.VerificationCode}) tilalle", m.TextBody));
        Assert.Single(mails, m => m.TextBody?.Contains("Suoritus tarkistettu") == true);
    }

    private async Task<(LearningSite.Participant Participant, Certificate Certificate)> CompletedAsync(string fullName)
    {
        var p = await _learning.ParticipantAsync(null, fullName);
        await TestOrganisations.JoinAsync(_learning.Site.Services, p.UserId, Organisation);
        await p.CompleteAllAsync();
        return (p, await _learning.DbAsync(db => db.Certificates.SingleAsync(c => c.UserId == p.UserId)));
    }

    /// <summary>The mails about the certificate with this code, as they would be sent.</summary>
    private async Task<List<MimeMessage>> MailsAsync(string code)
    {
        var rows = await _learning.DbAsync(db => db.OutboxMessages.Where(m => m.SubjectType == CertificateMails.SubjectType && m.SubjectId == code).ToListAsync());
        return [.. rows.Select(r => MimeMessage.Load(new MemoryStream(r.Mime)))];
    }
}
