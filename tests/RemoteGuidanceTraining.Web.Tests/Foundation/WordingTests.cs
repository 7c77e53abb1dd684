using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Certificates.Pdf;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>Texts whose wording a reader or a screen reader trips over: numbers and names in the sentence.</summary>
public sealed class WordingTests(TestSite site) : IClassFixture<TestSite>
{
    [Theory]
    [InlineData("en", 1, "1 ECTS credit (27 h)")]
    [InlineData("en", 1.5, "1.5 ECTS credits (40 h)")]
    [InlineData("en", 0.5, "0.5 ECTS credits (40 h)")]
    [InlineData("fi", 1, "1 op (27 h)")]
    [InlineData("sv", 1, "1 sp (27 h)")]
    public void One_credit_is_singular_on_the_pages_and_the_certificate(string language, double credits, string expected)
    {
        var hours = credits == 1 ? 27 : 40;
        using (Cultures.Use(language))
        {
            var t = site.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            Assert.Equal(expected, CreditExtent.Text(t, "Course.Extent", (decimal)credits, hours).Value);
            Assert.Equal(expected, CreditExtent.Text(t, "Verify.ExtentValue", (decimal)credits, hours).Value);
        }

        Assert.Equal(expected, CertificateTexts.For(language).FormatExtent((decimal)credits, hours));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void The_resend_buttons_accessible_name_starts_with_its_visible_words(string language)
    {
        using (Cultures.Use(language))
        {
            var t = site.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            Assert.StartsWith(t["Cohorts.Resend"].Value, t["Cohorts.ResendTo", "anna@example.fi"].Value, StringComparison.Ordinal);
        }
    }
}
