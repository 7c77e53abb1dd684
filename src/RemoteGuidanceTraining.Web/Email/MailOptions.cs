namespace RemoteGuidanceTraining.Web.Email;

/// <summary>Settings under "Mail". The default writes .eml files, so a fresh install needs no mail server.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>"PickupFolder" (default). "Smtp" arrives with the certificates work.</summary>
    public string Transport { get; set; } = "PickupFolder";

    /// <summary>Where .eml files are written; relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail";

    public string FromAddress { get; set; } = "no-reply@etaohjauskoulutus.invalid";

    public string FromName { get; set; } = "Etäohjauskoulutus";
}
