using Microsoft.Extensions.Localization;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>Length limits of the texts around development tasks, checked on the server before anything is stored.</summary>
public static class TaskLimits
{
    /// <summary>A participant's answer to a development task (also its stored versions).</summary>
    public const int MaxAnswerLength = 50_000;

    /// <summary>A trainer's general comment: a comment, not a document.</summary>
    public const int MaxFeedbackLength = 20_000;

    /// <summary>A trainer's comment on one rubric criterion.</summary>
    public const int MaxCriterionCommentLength = 2_000;

    /// <summary>Room for the comments on every criterion with the criteria's text, as JSON.</summary>
    public const int MaxCriteriaJsonLength = 40_000;

    /// <summary>Peer feedback is short: a few sentences on what works and one thing to develop.</summary>
    public const int MinPeerFeedbackLength = 20;

    public const int MaxPeerFeedbackLength = 2_000;

    /// <summary>
    /// Characters as a reader counts them, for the minimum lengths and the counts in their messages: an emoji or a letter
    /// with its accent is one, where string.Length counts UTF-16 units (an emoji two, a family emoji eleven). The maximum
    /// lengths stay in string.Length: they protect the stored column.
    /// </summary>
    public static int Characters(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;

    /// <summary>
    /// What stops a task answer from being saved (too long) or submitted (shorter than the task asks), in the current
    /// language; null when nothing does. The lesson page and the workspace's walk-through check the same way.
    /// </summary>
    public static string? AnswerProblem(string text, int minLength, bool submit, IStringLocalizer t) =>
        text.Length > MaxAnswerLength ? t["Task.TooLong"].Value
        : submit && Characters(text) < minLength ? t[minLength == 1 ? "Task.TooShortOne" : "Task.TooShort", minLength, Characters(text)].Value
        : null;
}
