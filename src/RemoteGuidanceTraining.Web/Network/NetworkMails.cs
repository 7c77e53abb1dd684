using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Network;

/// <summary>The one network mail: a coordinator asks a person to check their profile. Written in the person's language.</summary>
public sealed class NetworkMails(AppMailer mailer, IStringLocalizer<SharedResource> t, IOptions<AppOptions> app, PublicUrls urls, LinkGenerator links)
{
    public const string Category = "network";

    public void EnqueueUpdateRequest(AppUser person)
    {
        var link = urls.BaseUrl + (links.GetPathByPage("/Network/Profile") ?? "/Network/Profile");
        using (Cultures.Use(person.PreferredLanguage))
        {
            var greeting = t["Mail.Greeting", person.FullName].Value;
            var body = t["Network.Mail.UpdateBody"].Value;
            var text = $"{greeting}\n\n{body}\n\n{link}\n\n{app.Value.SiteName}\n";
            var html = $"<p>{E(greeting)}</p><p>{E(body)}</p><p><a href=\"{E(link)}\">{E(link)}</a></p><p>{E(app.Value.SiteName)}</p>";
            mailer.Enqueue(new OutgoingMail(person.Email!, person.FullName, t["Network.Mail.UpdateSubject"], text, html), Category);
        }
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
