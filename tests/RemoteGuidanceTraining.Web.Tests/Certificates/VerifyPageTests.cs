using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Certificates;

public sealed class VerifyPageTests(TestSite site) : IClassFixture<TestSite>
{
    public static readonly CourseFacts Course = new("etaohjauksen-perusteet", "Etäohjauksen perusteet", "fi", 5m, 135,
        ["Osaat valita ohjauskanavan."], "Etäohjauksen koulutusverkosto (esimerkki)", "Maija Esimerkki", "koulutuspäällikkö", "2026.1");

    [Fact]
    public async Task A_valid_certificate_shows_its_printed_facts_and_nothing_else_about_the_person()
    {
        var (certificate, email) = await IssueAsync("Väinö Äärelä");

        var html = await site.CreateClient().GetStringAsync($"/verify/{certificate.VerificationCode}");

        Assert.Contains("Todistus on voimassa.", html);
        Assert.Contains("Väinö Äärelä", html);
        Assert.Contains("Etäohjauksen perusteet", html);
        Assert.Contains("5 op (135 h)", html);
        Assert.Contains(certificate.SerialNumber, html);
        Assert.Contains(certificate.CompletedOn.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.DoesNotContain(email, html);
    }

    [Theory]
    [InlineData("en", "dd/MM/yyyy")]
    [InlineData("sv", "d.M.yyyy")]
    [InlineData("fi", "d.M.yyyy")]
    public async Task The_completion_date_is_written_as_readers_of_the_language_write_it(string language, string format)
    {
        var (certificate, _) = await IssueAsync("Ellen English");
        var client = site.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var html = await client.GetStringAsync($"/verify/{certificate.VerificationCode}");

        // English readers here expect day/month/year (as on the certificate itself), not the US month/day/year.
        Assert.Contains(certificate.CompletedOn.ToString(format, System.Globalization.CultureInfo.InvariantCulture), html);
    }

    [Fact]
    public async Task A_code_typed_by_hand_in_lower_case_without_dashes_is_found()
    {
        var (certificate, _) = await IssueAsync("Kaisa Käsin");
        var typed = certificate.VerificationCode.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant();

        var html = await site.CreateClient().GetStringAsync($"/verify?code={Uri.EscapeDataString(typed)}");

        Assert.Contains("Kaisa Käsin", html);
    }

    [Fact]
    public async Task An_unknown_code_says_so()
    {
        var html = await site.CreateClient().GetStringAsync("/verify/AAAA-BBBB-CCCC");

        Assert.Contains("Koodilla ei löytynyt todistusta.", html);
    }

    [Theory]
    [InlineData(CertificateStatus.Revoked, "Todistus on peruttu.")]
    [InlineData(CertificateStatus.Replaced, "Todistus on korvattu uudella todistuksella.")]
    public async Task Revoked_and_replaced_certificates_say_so(CertificateStatus status, string expected)
    {
        var (certificate, _) = await IssueAsync("Riikka Rauennut");
        await WithDbAsync(db => db.Certificates.Where(c => c.Id == certificate.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status).SetProperty(c => c.RevokedAtUtc, DateTime.UtcNow)));

        var html = await site.CreateClient().GetStringAsync($"/verify/{certificate.VerificationCode}");

        Assert.Contains(expected, html);
        Assert.DoesNotContain("Todistus on voimassa.", html);
    }

    [Fact]
    public async Task Issuing_stores_the_PDF_with_its_hash_and_puts_one_mail_with_it_in_the_outbox()
    {
        var (certificate, email) = await IssueAsync("Åke Öhman");

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(certificate.Pdf)), certificate.PdfSha256);
        Assert.Matches(@"^RGT-\d{4}-\d{6}$", certificate.SerialNumber);
        var mail = await site.Mailbox.WaitForAsync(email);
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(certificate.Pdf, bytes.ToArray());
    }

    private async Task<(Certificate Certificate, string Email)> IssueAsync(string fullName)
    {
        var email = $"c-{Guid.NewGuid():N}@example.fi";
        var user = await TestUsers.CreateAsync(site.Services, email, fullName);
        using var scope = site.Services.CreateScope();
        var issuer = scope.ServiceProvider.GetRequiredService<CertificateIssuer>();
        var certificate = await issuer.IssueAsync(user, Course, DateTime.UtcNow, null, "Issued");
        scope.ServiceProvider.GetRequiredService<RemoteGuidanceTraining.Web.Email.OutboxSignal>().Notify();
        return (certificate, email);
    }

    private async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        using var scope = site.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
