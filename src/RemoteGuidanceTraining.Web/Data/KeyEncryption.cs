using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
        if (!string.IsNullOrWhiteSpace(settings.PreviousCertificatePath))
        {
            var previous = Load("DataProtection:PreviousCertificatePath", settings.PreviousCertificatePath, settings.PreviousCertificatePassword, contentRoot);
            builder.UnprotectKeysWithAnyCertificate(current, previous);
        }

        builder.Services.AddSingleton(new KeysEncrypted());
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
    /// With a certificate set, keys made before it stay readable, and usable for signing until they expire: an operator
    /// who turned encryption on is told how many, and how to be rid of them.
    /// </summary>
    public static async Task WarnOfUnencryptedKeysAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (services.GetService<KeysEncrypted>() is null)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken);
        var unencrypted = keys.Count(xml => xml is not null && !xml.Contains("<encryptedSecret", StringComparison.Ordinal));
        if (unencrypted > 0)
        {
            LogUnencryptedKeys(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyEncryption).FullName!), unencrypted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} data-protection key(s) in the database were stored before " +
        "DataProtection:CertificatePath was set and are not encrypted; they stay in use until they expire. To retire them now, " +
        "delete their rows from DataProtectionKeys (those without encryptedSecret) and restart every instance: everyone is signed out.")]
    private static partial void LogUnencryptedKeys(ILogger logger, int count);

    /// <summary>Present when the keys are encrypted (a marker for the start check).</summary>
    private sealed class KeysEncrypted;
}
