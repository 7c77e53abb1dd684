using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;

namespace RemoteGuidanceTraining.Web.Courses;

/// <summary>
/// A course problem in the reader's language: "CourseProblem.&lt;code&gt;" from the resources, with the problem's
/// arguments. A code without a translation falls back to the engine's English text (marked lang="en" where shown).
/// </summary>
public static class ProblemText
{
    public const string KeyPrefix = "CourseProblem.";

    /// <summary>The translated text, or null when the resources have none for this code.</summary>
    public static LocalizedString? Localized(IStringLocalizer localizer, CourseProblem problem)
    {
        var text = localizer[KeyPrefix + problem.Code, [.. problem.Arguments]];
        return text.ResourceNotFound ? null : text;
    }

    /// <summary>For a message that is plain text (a status line): the translation, else the English.</summary>
    public static string Plain(IStringLocalizer localizer, CourseProblem problem) =>
        Localized(localizer, problem)?.Value ?? problem.Message;
}
