using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Learning;

namespace RemoteGuidanceTraining.Web.Pages.Trainer;

/// <summary>
/// A trainer reads one submitted answer with its history and peer feedback, and writes feedback structured by the
/// task's rubric; then accepts the answer or returns it for revision. The participant is told by mail either way.
/// </summary>
public partial class AnswerModel(TaskReview review, CatalogHolder catalog, UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Feedback longer than this is refused with a message (it is a comment, not a document).</summary>
    public const int MaxFeedbackLength = TaskLimits.MaxFeedbackLength;

    public const int MaxCriterionLength = TaskLimits.MaxCriterionCommentLength;

    private AnswerUnderReview? _review;

    public TaskAnswer? Answer => _review?.Answer;

    public CourseTask? Task => _review?.Task;

    public TaskHistory History => _review?.History ?? TaskHistory.Empty;

    public IReadOnlyList<PeerFeedbackShown> PeerGiven => _review?.PeerGiven ?? [];

    public string ParticipantName => _review?.Participant.FullName ?? "";

    public string CourseTitle => _review?.Course.Title ?? "";

    /// <summary>The course's language, for the lang of its titles, prompt and criteria inside a UI in another.</summary>
    public string CourseLanguage => _review?.Course.Language ?? "fi";

    /// <summary>What the trainer typed, shown again with <see cref="Error"/> when it was refused.</summary>
    public string Feedback { get; private set; } = "";

    public IReadOnlyList<string> Criteria { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>
    /// All the trainer typed, as plain text to copy when it cannot be saved (another trainer's acceptance was final, the
    /// course is not served): each criterion's comment under its criterion, then the feedback.
    /// </summary>
    public string TypedText => string.Join("\n\n", Criteria
        .Select((comment, i) => comment.Length == 0 ? "" : $"{CriterionLabel(i)}\n{comment}")
        .Append(Feedback).Where(part => part.Length > 0));

    /// <summary>Accepted and `review=required`: the page shows no decision form (see <see cref="AnswerUnderReview.IsFinal"/>).</summary>
    public bool IsFinal => _review?.IsFinal == true;

    /// <summary>The trainer's own answer (they take the course too): read, never judged by them (see <see cref="TaskReview.DecideAsync"/>).</summary>
    public bool IsOwn => _review?.Answer.UserId is { } author && author == User.UserId();

    // The task list's filters the trainer came from, carried through so the breadcrumb and the decision lead back to
    // the same list. They only ever go back to that page, which checks them itself (an unknown value filters nothing).
    [BindProperty(SupportsGet = true, Name = "show")]
    public string? ListShow { get; set; }

    [BindProperty(SupportsGet = true, Name = "course")]
    public string? ListCourse { get; set; }

    [BindProperty(SupportsGet = true, Name = "cohort")]
    public int? ListCohort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? ListPage { get; set; }

    /// <summary>Route values of the task list as the trainer left it.</summary>
    public object ListRoute => new { show = ListShow, course = ListCourse, cohort = ListCohort, p = ListPage };

    /// <summary>Set instead of the answer when it is in a course of the trainer that is temporarily not served.</summary>
    public UnavailableCourse? Unavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : await UnavailableOrNotFoundAsync(id);

    public async Task<IActionResult> OnPostAsync(int id, string? feedback, string[]? criterion, string? decision)
    {
        if (!await LoadAsync(id))
        {
            // Nothing is decided while the course is not served; the feedback typed is shown back to be kept.
            Feedback = (feedback ?? "").Trim();
            Criteria = [.. (criterion ?? []).Select(c => (c ?? "").Trim())];
            return await UnavailableOrNotFoundAsync(id);
        }

        if (IsOwn && !IsFinal)
        {
            Error = t["Trainer.Answer.Own"].Value;
            return Page();
        }

        var rubric = Task?.Rubric ?? [];
        Feedback = (feedback ?? "").Trim();
        Criteria = rubric.Select((_, i) => (criterion is not null && i < criterion.Length ? criterion[i] ?? "" : "").Trim()).ToList();
        Error = Feedback.Length == 0 ? t["Trainer.Answer.Empty"].Value
            : Feedback.Length > MaxFeedbackLength ? t["Trainer.Answer.TooLong", MaxFeedbackLength].Value
            : Criteria.Any(c => c.Length > MaxCriterionLength) ? t["Trainer.Answer.CriterionTooLong", MaxCriterionLength].Value
            // The form's two buttons send one or the other; anything else is not read as acceptance, which can be final.
            : decision is not ("accept" or "return") ? t["Trainer.Answer.NoDecision"].Value
            : null;
        if (Error is not null)
        {
            return Page();
        }

        var accept = decision == "accept";
        var comments = rubric.Select((html, i) => new CriterionComment(PlainText(html), Criteria[i])).Where(c => c.Comment.Length > 0).ToList();
        if (TaskReview.CriteriaJson(comments) is { Length: > TaskLimits.MaxCriteriaJsonLength })
        {
            // Only a rubric with very many criteria gets here: the comments together would not fit their column.
            Error = t["Trainer.Answer.AllCriteriaTooLong"].Value;
            return Page();
        }

        if (!await review.DecideAsync(_review!, accept, Feedback, comments, User.UserId(), HttpContext.RequestAborted))
        {
            Error = t["Trainer.Answer.Final"].Value; // a form opened before another trainer accepted it
            return Page();
        }

        TempData["Status"] = t[accept ? "Trainer.Answer.Sent" : "Trainer.Answer.ReturnedSent", ParticipantName].Value;
        return RedirectToPage("/Trainer/Tasks", ListRoute);
    }

    /// <summary>Only submitted answers of the trainer's own courses; anything else is "not found".</summary>
    private async Task<bool> LoadAsync(int id)
    {
        var me = await users.GetUserAsync(User);
        var courses = TrainerScope.CoursesOf(catalog.Current, me?.Email, User.IsInRole(Roles.Admin));
        _review = await review.FindAsync(courses, id, HttpContext.RequestAborted);
        return _review is not null;
    }

    /// <summary>
    /// 503 with the course named when the answer is in one of the trainer's courses that failed to load (its task and
    /// rubric are not served, so it cannot be judged now); anything else is "not found" as before.
    /// </summary>
    private async Task<IActionResult> UnavailableOrNotFoundAsync(int id)
    {
        var me = await users.GetUserAsync(User);
        var courses = TrainerScope.UnavailableOf(catalog.Current, me?.Email, User.IsInRole(Roles.Admin));
        Unavailable = courses.Count == 0 ? null : await review.UnavailableCourseOfAsync(courses, id, HttpContext.RequestAborted);
        if (Unavailable is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }

    /// <summary>A criterion is sanitised inline HTML; its history keeps the words only.</summary>
    private string CriterionLabel(int index) => Task?.Rubric is { } rubric && index < rubric.Count ? PlainText(rubric[index]) : $"{index + 1}.";

    private static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, "")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
