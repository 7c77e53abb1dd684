using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>The one network mail: a coordinator asks a person to check their profile. Written in the person's language.</summary>
public sealed class NetworkMails(AppMailer mailer, MailComposer composer, PublicUrls urls)
{
    public const string Category = "network";

    public void EnqueueUpdateRequest(AppUser person)
    {
        var link = urls.Page("/Network/Profile");
        var row = mailer.Enqueue(composer.Compose(MailRecipient.Of(person), mail =>
        {
            mail.Subject = mail.T["Network.Mail.UpdateSubject"];
            mail.Paragraph(mail.T["Network.Mail.UpdateBody"]).Link(link);
        }), Category);
        // About the person's own profile: found with their account's mail whatever address they have later.
        AccountMails.Tag(row, person.Id);
    }
}
