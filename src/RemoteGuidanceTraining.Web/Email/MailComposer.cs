using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Localization;

namespace RemoteGuidanceTraining.Web.Email;

/// <summary>
/// The one layout of the site's mails (account, cohort, task feedback, certificate, network): a greeting, the
/// feature's paragraphs and links, the site's name as the signature, in plain text and HTML alike, written in the
/// recipient's language. A feature says what to write; how a mail looks is decided here once.
/// </summary>
public sealed class MailComposer(IStringLocalizer<SharedResource> t, IOptions<AppOptions> app)
{
    /// <param name="to">Who gets it, and in which language.</param>
    /// <param name="write">Sets the subject and adds the body; runs in the recipient's culture, so every text looked
    /// up through <see cref="MailDraft.T"/> is in their language.</param>
    public OutgoingMail Compose(MailRecipient to, Action<MailDraft> write)
    {
        using (Cultures.Use(to.Language))
        {
            var draft = new MailDraft(t, app.Value.SiteName);
            draft.Paragraph(to.Name.Length == 0 ? t["Mail.GreetingNoName"] : t["Mail.Greeting", to.Name]);
            write(draft);
            return draft.ToMail(to);
        }
    }
}

/// <summary>Who a mail goes to: the address, the name to greet and the language to write in.</summary>
public sealed record MailRecipient(string Address, string Name, string Language)
{
    public static MailRecipient Of(AppUser user) => new(user.Email!, user.FullName, user.PreferredLanguage);
}

/// <summary>A mail being written: paragraphs in order, then the signature, then anything that belongs below it.</summary>
public sealed class MailDraft
{
    private readonly List<(string Text, string Html)> _body = [];
    private readonly List<(string Text, string Html)> _belowSignature = [];

    internal MailDraft(IStringLocalizer t, string siteName) => (T, SiteName) = (t, siteName);

    /// <summary>The site's texts, in the recipient's language while the mail is written.</summary>
    public IStringLocalizer T { get; }

    public string SiteName { get; }

    public string Subject { get; set; } = "";

    /// <summary>A paragraph of text.</summary>
    public MailDraft Paragraph(string text) => Add(_body, text, $"<p>{E(text)}</p>");

    /// <summary>
    /// A paragraph of the text <paramref name="key"/> with its arguments; an <see cref="InLanguage"/> argument (a
    /// course title) is marked with its own lang in the HTML part when it is not in the mail's language.
    /// </summary>
    public MailDraft Paragraph(string key, params object[] args)
    {
        var mailLanguage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var html = string.Format(CultureInfo.CurrentCulture, E(T[key].Value), args.Select(a => (object)(a is InLanguage { Language: { } language } foreign
            && language != mailLanguage ? $"<span lang=\"{E(language)}\">{E(foreign.Text)}</span>" : E(Convert.ToString(a, CultureInfo.CurrentCulture) ?? ""))).ToArray());
        return Add(_body, T[key, args], $"<p>{html}</p>");
    }

    /// <summary>
    /// Someone's own words (a coordinator's note) under a label in the mail's language, their line breaks kept: each
    /// line encoded, &lt;br&gt; between. The words keep the language they were written in: marked with their own lang
    /// in the HTML part when it is not the mail's.
    /// </summary>
    public MailDraft Lines(string label, InLanguage words)
    {
        var lines = string.Join("<br>", words.Text.Split('\n').Select(line => E(line.TrimEnd('\r'))));
        var marked = words.Language is { } language && language != CultureInfo.CurrentUICulture.TwoLetterISOLanguageName
            ? $"<span lang=\"{E(language)}\">{lines}</span>" : lines;
        return Add(_body, $"{label}\n{words.Text}", $"<p>{E(label)}<br>{marked}</p>");
    }

    /// <summary>A link on a line of its own, shown as itself so that it can be copied.</summary>
    public MailDraft Link(string url) => Add(_body, url, $"<p><a href=\"{E(url)}\">{E(url)}</a></p>");

    /// <summary>A link under the signature with a label (e.g. to unsubscribe): the label, then the address.</summary>
    public MailDraft LinkBelowSignature(string label, string url) => Add(_belowSignature, $"{label}\n{url}", $"<p><a href=\"{E(url)}\">{E(label)}</a></p>");

    internal OutgoingMail ToMail(MailRecipient to)
    {
        Paragraph(SiteName);
        var parts = _body.Concat(_belowSignature).ToList();
        var text = string.Join("\n\n", parts.Select(p => p.Text)) + "\n";
        // Written while the recipient's culture is current (Compose): the HTML part says which language it is in.
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var html = $"<div lang=\"{language}\">{string.Concat(parts.Select(p => p.Html))}</div>";
        return new OutgoingMail(to.Address, to.Name, Subject, text, html);
    }

    private MailDraft Add(List<(string, string)> list, string text, string html)
    {
        list.Add((text, html));
        return this;
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}

/// <summary>Text in a language of its own, such as a course title in the course's language; shown as its text.</summary>
public sealed record InLanguage(string Text, string? Language)
{
    public override string ToString() => Text;
}
