using MimeKit;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>Delivers a finished message: to a folder of .eml files or, later, to an SMTP server.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
