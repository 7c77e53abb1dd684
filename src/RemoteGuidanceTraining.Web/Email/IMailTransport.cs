using MimeKit;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>Delivers a finished message: to a folder of .eml files or to an SMTP server.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the copies of these messages (outbox Message-Ids) that the transport keeps on the site, for account
    /// deletion and retention: the privacy notice promises them gone with the outbox rows. A copy that has left the
    /// site (a mail server's, the recipient's) is not the site's to remove; a transport that keeps none does nothing.
    /// An id without a copy is no error.
    /// </summary>
    Task ForgetAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);
}
