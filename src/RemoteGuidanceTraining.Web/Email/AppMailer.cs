using Microsoft.Extensions.Options;
using MimeKit;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// The one way the site sends mail. A feature hands it an <see cref="OutgoingMail"/>; it becomes a MIME message with
/// the sender and a stable Message-Id and is written to the outbox. The <see cref="OutboxDispatcher"/> delivers it.
/// </summary>
public sealed class AppMailer(AppDbContext db, OutboxSignal signal, IOptions<MailOptions> options)
{
    /// <summary>
    /// Adds the message to the outbox without saving: it commits with the caller's other changes (or not at all).
    /// Call <see cref="OutboxSignal.Notify"/> after the commit to send at once rather than at the next poll.
    /// </summary>
    public OutboxMessage Enqueue(OutgoingMail mail, string category, IEnumerable<MimePart>? attachments = null)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(DomainOf(settings.FromAddress));
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in attachments ?? [])
        {
            body.Attachments.Add(attachment);
        }

        message.Body = body.ToMessageBody();
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        var row = new OutboxMessage
        {
            MessageId = message.MessageId,
            ToAddress = mail.ToAddress,
            Subject = mail.Subject,
            Category = category,
            Mime = bytes.ToArray(),
        };
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>Enqueues, saves and wakes the dispatcher: for mail that is the only change (account mails).</summary>
    public async Task SendAsync(OutgoingMail mail, string category, CancellationToken cancellationToken = default)
    {
        Enqueue(mail, category);
        await SaveAndSendAsync(cancellationToken);
    }

    /// <summary>Commits what was enqueued (with the caller's other changes) and wakes the dispatcher.</summary>
    public async Task SaveAndSendAsync(CancellationToken cancellationToken = default)
    {
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }

    private static string DomainOf(string address) => address[(address.IndexOf('@') + 1)..];
}
