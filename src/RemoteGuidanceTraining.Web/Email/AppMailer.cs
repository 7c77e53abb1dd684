using Microsoft.Extensions.Options;
using MimeKit;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// The one way the site sends mail. Features hand it an <see cref="OutgoingMail"/>; it adds the sender and a
/// stable Message-Id and passes the message to the configured transport.
/// </summary>
public sealed class AppMailer(IMailTransport transport, IOptions<MailOptions> options)
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(DomainOf(settings.FromAddress));
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        await transport.SendAsync(message, cancellationToken);
    }

    private static string DomainOf(string address) => address[(address.IndexOf('@') + 1)..];
}
