using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Courses;

/// <summary>Every problem the course engine can report has its text in Finnish, Swedish and English.</summary>
public sealed partial class CourseProblemTextsTests
{
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void Every_problem_code_has_a_text_that_uses_only_the_English_ones_arguments(string language)
    {
        var texts = XDocument.Load(Path.Combine(RepoPaths.WebProject, "Resources", $"SharedResource.{language}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

        foreach (var code in Enum.GetValues<ProblemCode>())
        {
            var key = Web.Courses.ProblemText.KeyPrefix + code;
            Assert.True(texts.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text), $"{key} is missing from SharedResource.{language}.resx");
            Assert.Empty(Placeholders(text).Except(Placeholders(ProblemTexts.EnglishFormat(code))));
            _ = string.Format(CultureInfo.InvariantCulture, text, "a", "b", "c", "d", "e"); // a stray brace would throw on the page
        }
    }

    private static IEnumerable<string> Placeholders(string format) => Placeholder().Matches(format).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
