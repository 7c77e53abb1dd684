using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>
/// A self-signed certificate for 127.0.0.1, made once per test run, so the real Kestrel site is served over HTTPS as
/// in production (its cookies are Secure outside Development, and browsers keep those only for HTTPS).
/// </summary>
public static class TestCertificate
{
    public const string Password = "test-only";

    private static readonly Lazy<string> _path = new(Create);

    public static string PfxPath => _path.Value;

    private static readonly Lazy<string> _thumbprint = new(() => X509CertificateLoader.LoadPkcs12FromFile(PfxPath, Password).Thumbprint);

    /// <summary>An HttpClient for the Kestrel site: trusts this certificate only, keeps cookies, does not follow redirects.</summary>
    public static HttpClient ClientFor(string baseUrl) => new(Handler()) { BaseAddress = new Uri(baseUrl) };

    /// <summary>A handler that trusts this certificate only (and the system's), keeps cookies and does not follow redirects.</summary>
    public static HttpClientHandler Handler(System.Net.CookieContainer? cookies = null) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = cookies ?? new System.Net.CookieContainer(),
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || (certificate is not null && certificate.Thumbprint == _thumbprint.Value),
    };

    /// <summary>The command-line settings that make a site process serve HTTPS with this certificate.</summary>
    public static IEnumerable<string> KestrelArguments() =>
        [$"--Kestrel:Certificates:Default:Path={PfxPath}", $"--Kestrel:Certificates:Default:Password={Password}"];

    private static string Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var path = Path.Combine(Path.GetTempPath(), $"rgt-test-{Environment.ProcessId}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
