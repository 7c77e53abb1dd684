using System.Globalization;
using System.Xml.Linq;
using RemoteGuidanceTraining.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Rules;

/// <summary>
/// What the course engine lets through fits the columns the site stores it in: the longest course title the engine
/// accepts still fits the certificate's column and, with the longest prefix of any language, an outbox subject.
/// </summary>
public sealed class ContentLimitsFitTests
{
    [Theory]
    [InlineData("Reminder.Subject")]
    [InlineData("Mail.Returned.Subject")]
    [InlineData("Mail.Accepted.Subject")]
    [InlineData("Mail.Certificate.Subject")]
    public void A_mail_subject_with_the_longest_course_title_fits_the_outbox_in_every_language(string key)
    {
        var title = new string('T', ContentLimits.MaxTitleLength);
        foreach (var language in new[] { "fi", "sv", "en" })
        {
            var format = XDocument.Load(Path.Combine(RepoPaths.WebProject, "Resources", $"SharedResource.{language}.resx")).Root!
                .Elements("data").Single(d => d.Attribute("name")!.Value == key).Element("value")!.Value;

            var subject = string.Format(CultureInfo.InvariantCulture, format, title);

            Assert.Contains(title, subject);
            Assert.True(subject.Length <= OutboxMessage.SubjectMaxLength, $"{language} {key}: {subject.Length} characters");
        }
    }

    [Fact]
    public void The_columns_take_what_the_engine_accepts()
    {
        Assert.True(ContentLimits.MaxTitleLength <= FieldLengths.Title);
        Assert.Equal(ContentLimits.MaxIdLength, FieldLengths.ContentId);
        Assert.Equal(ContentLimits.MaxVersionLength, FieldLengths.Version);
    }
}
