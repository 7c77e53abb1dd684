using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Email;

/// <summary>
/// The one mail layout (Email/MailComposer): greeting in the recipient's language, the parts in order, the site's
/// name as signature, plain text and HTML saying the same, everything the feature passed in HTML-encoded.
/// </summary>
public sealed class MailComposerTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public void A_mail_is_laid_out_once_in_text_and_html_in_the_recipients_language()
    {
        using var scope = site.Services.CreateScope();
        var composer = scope.ServiceProvider.GetRequiredService<MailComposer>();

        var mail = composer.Compose(new MailRecipient("anna@example.fi", "Anna <Åberg>", "sv"), draft =>
        {
            draft.Subject = "Ämne";
            draft.Paragraph("Text & mer").Link("https://localhost/x?a=1&b=2").Lines("Rad 1", new InLanguage("Rad 2", "sv"));
            draft.LinkBelowSignature("Sluta", "https://localhost/stop");
        });

        Assert.Equal(("anna@example.fi", "Anna <Åberg>", "Ämne"), (mail.ToAddress, mail.ToName, mail.Subject));
        Assert.Equal("Hej Anna <Åberg>,\n\nText & mer\n\nhttps://localhost/x?a=1&b=2\n\nRad 1\nRad 2\n\nEtäohjauskoulutus\n\nSluta\nhttps://localhost/stop\n", mail.TextBody);
        // The HTML part says its language, so a mail client's screen reader reads Swedish as Swedish.
        Assert.Equal("<div lang=\"sv\"><p>Hej Anna &lt;&#xC5;berg&gt;,</p><p>Text &amp; mer</p>"
            + "<p><a href=\"https://localhost/x?a=1&amp;b=2\">https://localhost/x?a=1&amp;b=2</a></p><p>Rad 1<br>Rad 2</p>"
            + "<p>Et&#xE4;ohjauskoulutus</p><p><a href=\"https://localhost/stop\">Sluta</a></p></div>", mail.HtmlBody);
    }

    [Fact]
    public void A_course_title_in_another_language_than_the_mails_is_marked_with_its_own()
    {
        using var scope = site.Services.CreateScope();
        var composer = scope.ServiceProvider.GetRequiredService<MailComposer>();

        var swedish = composer.Compose(new MailRecipient("anna@example.fi", "Anna", "sv"), draft =>
            draft.Paragraph("Mail.Certificate.Body", new InLanguage("Etäohjauksen perusteet", "fi")));
        var finnish = composer.Compose(new MailRecipient("olli@example.fi", "Olli", "fi"), draft =>
            draft.Paragraph("Mail.Certificate.Body", new InLanguage("Etäohjauksen perusteet", "fi")));

        Assert.Contains("utbildningen <span lang=\"fi\">Et&#xE4;ohjauksen perusteet</span>.", swedish.HtmlBody);
        Assert.Contains("utbildningen Etäohjauksen perusteet.", swedish.TextBody);
        Assert.Contains("Et&#xE4;ohjauksen perusteet", finnish.HtmlBody);
        Assert.DoesNotContain("<span lang", finnish.HtmlBody);
    }

    [Theory]
    [InlineData("fi", "Hei Olli,", "fi")]
    [InlineData("en", "Hello Olli,", "en")]
    [InlineData("xx", "Hei Olli,", "fi")] // a language the site does not speak: Finnish
    public void The_greeting_is_in_the_recipients_language(string language, string greeting, string written)
    {
        using var scope = site.Services.CreateScope();
        var mail = scope.ServiceProvider.GetRequiredService<MailComposer>()
            .Compose(new MailRecipient("olli@example.fi", "Olli", language), draft => draft.Subject = "s");
        Assert.StartsWith(greeting + "\n\n", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith($"<div lang=\"{written}\"><p>{greeting}</p>", mail.HtmlBody, StringComparison.Ordinal);
    }
}
