using System.ComponentModel.DataAnnotations;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>Settings under "Mail". The default writes .eml files, so a fresh install needs no mail server.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>"PickupFolder" (default) or "Smtp".</summary>
    public string Transport { get; set; } = "PickupFolder";

    /// <summary>Where .eml files are written; relative to the data folder.</summary>
    [Required]
    public string PickupFolder { get; set; } = "mail";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "no-reply@etaohjauskoulutus.invalid";

    public string FromName { get; set; } = "Etäohjauskoulutus";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the dispatcher looks for due mail when nobody wakes it.</summary>
    [Range(0.01, 3600)]
    public double PollSeconds { get; set; } = 10;

    /// <summary>Wait before the first retry; it doubles after each failure, up to an hour.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 30;

    /// <summary>
    /// How long a dispatcher's claim on a batch lasts. Other instances leave claimed messages alone until then, so it
    /// must be longer than sending a batch takes; after a crash, the dead instance's messages wait this long.
    /// Zero or less left every batch unsent (the claim looked run out before the first message), so it is checked.
    /// </summary>
    [Range(1, 86_400)]
    public double LeaseSeconds { get; set; } = 300;

    /// <summary>Attempts before a message is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}

public sealed class SmtpOptions
{
    /// <summary>Required when Mail:Transport is Smtp (checked in AddEmail).</summary>
    public string Host { get; set; } = "localhost";

    [Range(1, 65_535)]
    public int Port { get; set; } = 587;

    /// <summary>StartTls (default), SslOnConnect, Auto or None (only for a server on the same host).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    [Range(1, 3_600)]
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>How the SMTP connection is protected; a name outside these stops the start (see AddEmail).</summary>
public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    Auto,
    None,

    /// <summary>Accepted as another name for SslOnConnect (port 465), as before the setting was typed.</summary>
    Tls = SslOnConnect,
}
