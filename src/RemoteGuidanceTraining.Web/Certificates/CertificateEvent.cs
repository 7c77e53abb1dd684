namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>Who did what to a certificate and when: issued, resent, reissued, revoked.</summary>
public class CertificateEvent
{
    public int Id { get; set; }

    public int CertificateId { get; set; }

    public string Action { get; set; } = "";

    /// <summary>Null when the system acted (issue at completion).</summary>
    public string? ByUserId { get; set; }

    public DateTime AtUtc { get; set; }

    public string? Note { get; set; }
}
