using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// "DataProtection": an RSA certificate (a .pfx with its private key) that encrypts the data-protection keys kept in
/// the database, so that a copy of the database alone (a backup, a dump) cannot forge sign-in cookies. Optional: without
/// it the keys are stored as they are, as before. The previous certificate, while given, still decrypts keys made
/// with it, so a certificate can be replaced without signing everyone out.
/// </summary>
public sealed class KeyEncryptionSettings
{
    public const string Section = "DataProtection";

    /// <summary>The .pfx that encrypts new keys and decrypts them; relative to the content root.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The certificate used before <see cref="CertificatePath"/>: only decrypts the keys it encrypted.</summary>
    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }
}

public static partial class KeyEncryption
{
    /// <summary>Encrypts keys with the configured certificate, if any; a file that cannot serve stops the start with one line.</summary>
    public static IDataProtectionBuilder EncryptKeysAsConfigured(this IDataProtectionBuilder builder, IConfiguration configuration, string contentRoot)
    {
        var settings = SettingsBinding.Read<KeyEncryptionSettings>(configuration, KeyEncryptionSettings.Section);
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            if (!string.IsNullOrWhiteSpace(settings.PreviousCertificatePath))
            {
                throw new StartupException("DataProtection:PreviousCertificatePath is set but DataProtection:CertificatePath is not; "
                    + "the previous certificate only decrypts keys next to a current one.");
            }

            return builder;
        }

        var current = Load("DataProtection:CertificatePath", settings.CertificatePath, settings.CertificatePassword, contentRoot);
        builder.ProtectKeysWithCertificate(current);
        X509Certificate2[] certificates = [current];
        if (!string.IsNullOrWhiteSpace(settings.PreviousCertificatePath))
        {
            var previous = Load("DataProtection:PreviousCertificatePath", settings.PreviousCertificatePath, settings.PreviousCertificatePassword, contentRoot);
            builder.UnprotectKeysWithAnyCertificate(current, previous);
            certificates = [current, previous];
        }

        builder.Services.AddSingleton(new KeyCertificates([.. certificates.Select(c => c.Thumbprint)]));
        return builder;
    }

    private static X509Certificate2 Load(string setting, string path, string? password, string contentRoot)
    {
        var full = Path.GetFullPath(Path.Combine(contentRoot, path));
        if (!File.Exists(full))
        {
            throw new StartupException($"{setting}: {full} does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password);
        }
        catch (CryptographicException e)
        {
            throw new StartupException(
                $"{setting}: {full} could not be opened as a .pfx (PKCS#12) file with the password given ({e.Message.TrimEnd('.')}).", e);
        }

        // The keys are encrypted as XML encryption does it, which takes an RSA key; decrypting needs the private half.
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            throw new StartupException($"{setting}: {full} has no RSA private key; export the certificate with its RSA key as a .pfx.");
        }

        return certificate;
    }

    /// <summary>
    /// Run at every start, for the site and its commands alike, before anything can make a key. A key ring holding a
    /// key in use that this start could not decrypt stops it with one line: without the certificate (a command run from
    /// a shell without the setting, an instance set up without it) or with the wrong one, every sign-in and form would
    /// fail and the key ring would add an unencrypted key beside the encrypted ones. With a certificate set, keys stored
    /// before it stay readable and usable until revoked: the operator is told how many, and how to be rid of them.
    /// </summary>
    public static async Task CheckStoredKeysAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configured = services.GetService<KeyCertificates>()?.Thumbprints ?? [];
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var scope = services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking()
            .Select(k => k.Xml).ToListAsync(cancellationToken);
        var keys = rows.Select(StoredKey.Parse).OfType<StoredKey>().ToList();

        var unreadable = keys.Where(k => k.ExpiresAt > now && k.CertificateThumbprint is { } t && !configured.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unreadable.Count > 0)
        {
            var thumbprints = string.Join(", ", unreadable.Select(k => k.CertificateThumbprint).Distinct());
            throw new StartupException(configured.Count == 0
                ? $"DataProtection:CertificatePath is not set, but {unreadable.Count} data-protection key(s) in use in the database are encrypted with a "
                    + $"certificate (thumbprint {thumbprints}); give this start the same DataProtection:CertificatePath and CertificatePassword as the site."
                : $"DataProtection: the certificate(s) given cannot decrypt {unreadable.Count} data-protection key(s) in use in the database, encrypted "
                    + $"with the certificate of thumbprint {thumbprints}; give that one as DataProtection:PreviousCertificatePath (or as CertificatePath).");
        }

        if (configured.Count > 0 && keys.Count(k => k.CertificateThumbprint is null) is var plain and > 0)
        {
            LogUnencryptedKeys(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyEncryption).FullName!), plain);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} data-protection key(s) in the database were stored before " +
        "DataProtection:CertificatePath was set and are not encrypted; they stay usable. To retire them, delete their rows from " +
        "DataProtectionKeys (those without encryptedSecret) and restart every instance: everyone is signed out.")]
    private static partial void LogUnencryptedKeys(ILogger logger, int count);

    /// <summary>The thumbprints of the certificates that decrypt keys, when encryption is configured.</summary>
    private sealed record KeyCertificates(IReadOnlyList<string> Thumbprints);

    /// <summary>What the start check reads of a stored key: when it expires, and which certificate encrypted it (null: none).</summary>
    private sealed record StoredKey(DateTimeOffset ExpiresAt, string? CertificateThumbprint)
    {
        private static readonly XNamespace Signature = "http://www.w3.org/2000/09/xmldsig#";

        /// <summary>Null for anything but a key (a revocation, say) or text that does not read as one.</summary>
        public static StoredKey? Parse(string? xml)
        {
            try
            {
                var root = XElement.Parse(xml ?? "");
                if (root.Name.LocalName != "key" || !DateTimeOffset.TryParse(root.Element("expirationDate")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
                {
                    return null;
                }

                var encrypted = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "encryptedSecret");
                if (encrypted is null)
                {
                    return new StoredKey(expires, null);
                }

                var certificate = encrypted.Descendants(Signature + "X509Certificate").FirstOrDefault()?.Value;
                return new StoredKey(expires, certificate is null ? "(not named in the key)"
                    : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate)).Thumbprint);
            }
            catch (Exception e) when (e is System.Xml.XmlException or FormatException or CryptographicException)
            {
                return null;
            }
        }
    }
}
