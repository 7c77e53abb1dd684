using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// With DataProtection:CertificatePath set, the keys that sign sign-in cookies are stored encrypted, so a copy of the
/// database alone holds no usable key; the site (and every instance with the certificate) still reads its cookies,
/// a replaced certificate keeps old sign-ins while the previous one is given, and a certificate that cannot serve
/// stops the start with one line.
/// </summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private const string Password = "avain-salasana";
    private readonly TempFolder _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_a_sign_in_still_works()
    {
        using var site = TestSite.With(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = Pfx("nykyinen"), ["DataProtection:CertificatePassword"] = Password });
        var cookie = await SignInAsync(site, "salattu@example.fi");

        var keys = await KeysAsync(site);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(site, "/my-studies", cookie)).StatusCode);
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_are_stored_as_they_are()
    {
        using var site = new TestSite();
        await SignInAsync(site, "selva@example.fi");

        Assert.All(await KeysAsync(site), xml => Assert.Contains("<masterKey", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_instance_with_the_certificate_reads_the_sign_in()
    {
        using var site = TestSite.With(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = Pfx("yhteinen"), ["DataProtection:CertificatePassword"] = Password });
        var cookie = await SignInAsync(site, "kaksi@example.fi");

        using var another = site.WithWebHostBuilder(_ => { });

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(another, "/my-studies", cookie)).StatusCode);
    }

    [Fact]
    public async Task A_replaced_certificate_keeps_sign_ins_while_the_previous_one_is_given()
    {
        var old = Pfx("vanha");
        using var site = TestSite.With(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = old, ["DataProtection:CertificatePassword"] = Password });
        var cookie = await SignInAsync(site, "vaihto@example.fi");

        using var withPrevious = site.WithWebHostBuilder(b => b.UseSetting("DataProtection:CertificatePath", Pfx("uusi"))
            .UseSetting("DataProtection:PreviousCertificatePath", old).UseSetting("DataProtection:PreviousCertificatePassword", Password));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(withPrevious, "/my-studies", cookie)).StatusCode);
    }

    [Fact]
    public async Task A_start_that_cannot_decrypt_the_keys_in_use_stops_with_one_line_and_adds_no_unencrypted_key()
    {
        // Before, a command run from a shell without the setting (create-admin) logged stack traces, added an
        // unencrypted key, and the site then signed with it; a wrong certificate signed everyone out silently.
        var first = Pfx("ensimmainen");
        using var site = TestSite.With(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = first, ["DataProtection:CertificatePassword"] = Password });
        await SignInAsync(site, "ylla@example.fi");
        var second = Pfx("toinen");

        var without = await CreateAdminAsync(site, "ilman@example.fi");
        var wrong = await CreateAdminAsync(site, "vaara@example.fi", $"--DataProtection:CertificatePath={second}", $"--DataProtection:CertificatePassword={Password}");
        var both = await CreateAdminAsync(site, "molemmat@example.fi", $"--DataProtection:CertificatePath={second}", $"--DataProtection:CertificatePassword={Password}",
            $"--DataProtection:PreviousCertificatePath={first}", $"--DataProtection:PreviousCertificatePassword={Password}");

        Assert.Equal(1, without.ExitCode);
        Assert.StartsWith("The site cannot start: DataProtection:CertificatePath is not set, but 1 data-protection key(s) in use in the database are encrypted", without.Error.Trim());
        Assert.Single(without.Error.Trim().Split('\n'));
        Assert.Equal(1, wrong.ExitCode);
        Assert.StartsWith("The site cannot start: DataProtection: the certificate(s) given cannot decrypt 1 data-protection key(s)", wrong.Error.Trim());
        Assert.DoesNotContain("   at ", without.Output + without.Error + wrong.Output + wrong.Error);
        Assert.Equal(0, both.ExitCode);
        Assert.All(await KeysAsync(site), xml => Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turning_encryption_on_warns_of_the_keys_stored_before_and_says_how_to_retire_them()
    {
        using var site = new TestSite();
        await SignInAsync(site, "ennen@example.fi");
        var logs = new ListLoggerProvider();

        using var encrypted = site.WithWebHostBuilder(b => b.UseSetting("DataProtection:CertificatePath", Pfx("myohemmin"))
            .UseSetting("DataProtection:CertificatePassword", Password).ConfigureLogging(l => l.AddProvider(logs)));
        using var client = encrypted.CreateClient();
        await client.GetAsync("/health");

        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Warning
            && m.Text.StartsWith("1 data-protection key(s) in the database were stored before DataProtection:CertificatePath was set", StringComparison.Ordinal)
            && m.Text.Contains("delete their rows from DataProtectionKeys", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("wrong-password", "could not be opened as a .pfx (PKCS#12) file with the password given")]
    [InlineData("not-pfx", "could not be opened as a .pfx (PKCS#12) file")]
    [InlineData("not-rsa", "has no RSA private key")]
    [InlineData("previous-alone", "DataProtection:PreviousCertificatePath is set but DataProtection:CertificatePath is not")]
    public async Task A_certificate_that_cannot_serve_stops_the_start_with_one_line(string problem, string expected)
    {
        using var data = new TempFolder();
        string[] settings = problem switch
        {
            "missing" => [$"--DataProtection:CertificatePath={Path.Combine(_certificates.Path, "ei-ole.pfx")}"],
            "wrong-password" => [$"--DataProtection:CertificatePath={Pfx("salasana")}", "--DataProtection:CertificatePassword=väärä"],
            "not-pfx" => [$"--DataProtection:CertificatePath={PublicPartOnly()}"],
            "not-rsa" => [$"--DataProtection:CertificatePath={EllipticCurvePfx()}", $"--DataProtection:CertificatePassword={Password}"],
            _ => [$"--DataProtection:PreviousCertificatePath={Pfx("yksin")}"],
        };

        var (exitCode, output, error) = await SiteCommand.RunAsync(data.Path,
            ["--environment=Development", "--urls=http://127.0.0.1:5343", $"--App:DataFolder={data.Path}", .. settings]);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("The site cannot start: DataProtection:", error.Trim());
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output + error);
    }

    private static Task<(int ExitCode, string Output, string Error)> CreateAdminAsync(TestSite site, string email, params string[] settings)
    {
        List<string> database = TestDatabase.IsPostgres
            ? ["--Database:Provider=Postgres", $"--ConnectionStrings:Default={TestDatabase.ConnectionString(site.DataFolder)}"] : [];
        return SiteCommand.RunAsync(site.DataFolder, ["create-admin", "--email", email, "--name", "Ylläpitäjä Komento", "--password", "kunnon-pitka-salasana",
            "--environment=Development", $"--App:DataFolder={site.DataFolder}", .. database, .. settings]);
    }

    private static async Task<string> SignInAsync(TestSite site, string email)
    {
        await TestUsers.CreateAsync(site.Services, email);
        var response = await site.CreateBrowserLikeClient().SignInAsync(email, TestUsers.Password);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rgt.auth=", StringComparison.Ordinal));
        return auth[..auth.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> GetAsync(WebApplicationFactory<Program> site, string url, string cookie)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(TestSite.BaseUrl) });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<List<string>> KeysAsync(TestSite site)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private string Pfx(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=avainten salaus {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_certificates.Path, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private string PublicPartOnly()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Pfx("julkinen"), Password);
        var path = Path.Combine(_certificates.Path, "julkinen.cer");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Cert));
        return path;
    }

    private string EllipticCurvePfx()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=avainten salaus ec", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_certificates.Path, "ec.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
