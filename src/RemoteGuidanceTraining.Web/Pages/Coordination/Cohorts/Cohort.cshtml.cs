using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Paging;

namespace RemoteGuidanceTraining.Web.Pages.Coordination.Cohorts;

/// <summary>
/// One cohort: its members with where each stands, pending and declined invitations (each list 50 to a page, with one
/// search by name or address over all three), adding people from a CSV file or typed addresses (not while archived),
/// archiving and reopening, removing a person.
/// </summary>
// A reminder to the ticked people posts one value per person, up to MaxRows of them (the framework reads 1,024).
[RequestFormLimits(ValueCountLimit = MaxRows + 16)]
public class CohortModel(CohortService cohorts, CatalogHolder catalog, CohortImporter importer,
    CohortManagement management, CohortReminders reminders, AutoReminders automatic, IStringLocalizer<SharedResource> t) : CoordinationPage
{
    private const int MaxUploadBytes = 2 * 1024 * 1024;

    /// <summary>A roster longer than this is refused whole; split it into several imports.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The error list shows this many rows, then how many more there were.</summary>
    public const int ShownErrors = 100;

    public Cohort? Cohort { get; private set; }

    public string CourseTitle { get; private set; } = "";

    /// <summary>The cohort's course is not served (files with an error, or its folder gone): the page says so; its people and states stay.</summary>
    public RemoteGuidanceTraining.Courses.Model.UnavailableCourse? CourseUnavailable { get; private set; }

    public string? CourseLanguage { get; private set; }

    /// <summary>What the search box holds: each list below shows only the people whose name or address contains it.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    // Each list's page number, in the address so that an action on a row (or a reminder) returns to the same page.
    [BindProperty(SupportsGet = true)]
    public int MembersPage { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public int PendingPage { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public int DeclinedPage { get; set; } = 1;

    /// <summary>One page of the pending invitations.</summary>
    public PagedList<InvitationRow> Pending { get; private set; } = PagedList<InvitationRow>.Empty;

    /// <summary>One page of the accepted members, each with where they stand.</summary>
    public PagedList<MemberState> States { get; private set; } = PagedList<MemberState>.Empty;

    /// <summary>One page of the declined invitations, listed apart by the address the coordinator typed: they are not members.</summary>
    public PagedList<MemberState> Declined { get; private set; } = PagedList<MemberState>.Empty;

    /// <summary>How many of each the cohort has in all (the headings' counts), whatever the search and the pages show.</summary>
    public IReadOnlyDictionary<CohortMemberStatus, int> Counts { get; private set; } = new Dictionary<CohortMemberStatus, int>();

    public int CountOf(CohortMemberStatus status) => Counts.GetValueOrDefault(status);

    public IReadOnlyList<SentReminder> Reminders { get; private set; } = [];

    public string? ReminderError { get; private set; }

    /// <summary>The reminder form as it was posted, shown again when it is refused; at first, "not started" and nothing typed.</summary>
    public ReminderForm Reminder { get; private set; } = ReminderForm.Empty;

    /// <summary>What was wrong with the whole file or list, shown alone: no rows were read from it.</summary>
    public RosterProblem? Problem { get; private set; }

    public IReadOnlyList<RosterError> Errors { get; private set; } = [];

    public int ErrorCount { get; private set; }

    public string? ValidRowsJson { get; private set; }

    public int ValidCount { get; private set; }

    public string? Typed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0 || file.Length > MaxUploadBytes)
        {
            Problem = new RosterProblem(file is null || file.Length == 0 ? "Cohorts.NoFile" : "Cohorts.FileTooLarge");
            return Page();
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes, HttpContext.RequestAborted);
        return await ImportOrShowErrorsAsync(RosterCsv.ParseFile(bytes.ToArray()));
    }

    public async Task<IActionResult> OnPostTypedAsync(int id, string? typed)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Typed = typed;
        return await ImportOrShowErrorsAsync(RosterCsv.ParseTyped(typed ?? ""));
    }

    /// <summary>The coordinator chose to import the valid rows and leave the bad ones out.</summary>
    public async Task<IActionResult> OnPostImportValidAsync(int id, string? rows)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // Posted back by the browser: anything but the list we sent is refused, and the rows are checked again. The
        // list sent held only rows that passed, so one that fails now was changed on the way: the list is refused
        // whole (its "row 1" would be no row of the coordinator's file).
        var list = ParseRows(rows);
        var recheck = list is null ? null : RosterCsv.ParseTyped(string.Join('\n', list.Select(r => $"{r.Email};{r.FullName};{r.Organisation}")));
        if (list is null || recheck is null || recheck.Errors.Count > 0 || recheck.Rows.Count != list.Count)
        {
            return await ImportOrShowErrorsAsync(new RosterParseResult([], [], new RosterProblem("Cohorts.BadRows")));
        }

        return await ImportOrShowErrorsAsync(recheck with { Rows = recheck.Rows.Select((r, i) => r with { Row = list[i].Row }).ToList() });
    }

    public async Task<IActionResult> OnPostResendAsync(int id, int memberId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // An archived cohort takes nobody in: a mailed link would only lead to "this group is archived".
        if (Cohort!.ArchivedAtUtc is not null)
        {
            Problem = new RosterProblem("Cohorts.ArchivedNoResend");
            return Page();
        }

        if (!await importer.ResendAsync(Cohort!, memberId, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Status"] = t["Cohorts.Resent"].Value;
        return RedirectToPage(Place(id));
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, bool archived, CancellationToken cancellationToken)
    {
        if (!await management.SetArchivedAsync(await ScopeAsync(), id, archived, cancellationToken))
        {
            return NotFound();
        }

        TempData["Status"] = t[archived ? "Cohorts.Archived" : "Cohorts.Reopened"].Value;
        return RedirectToPage(Place(id));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        var removed = await management.RemoveMemberAsync(await ScopeAsync(), id, memberId, cancellationToken);
        if (removed is null)
        {
            return NotFound();
        }

        TempData["Status"] = t[removed == CohortMemberStatus.Invited ? "Cohorts.Withdrawn" : "Cohorts.Removed"].Value;
        return RedirectToPage(Place(id));
    }

    public async Task<IActionResult> OnPostRemindAsync(int id, ReminderAudience? audience, int[]? memberIds, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Reminder = new ReminderForm(Request.Form["audience"].ToString(), note,
            Request.Form["memberIds"].Select(v => int.TryParse(v, out var memberId) ? memberId : 0).Where(m => m > 0).ToHashSet());
        // A reminder links to the course: while its files are unavailable that link answers 503.
        if (CourseUnavailable is not null)
        {
            ReminderError = t["Reminder.CourseUnavailable"];
            return Page();
        }

        if (note?.Length > CohortReminders.NoteMaxLength)
        {
            ReminderError = t["Validation.TooLong", t["Reminder.NoteLabel"], CohortReminders.NoteMaxLength];
            return Page();
        }

        // A value the form does not offer ("abc", 999, none) is refused, never read as the first choice.
        if (audience is not { } chosen || !Enum.IsDefined(chosen) || ModelState.GetFieldValidationState(nameof(audience)) == ModelValidationState.Invalid)
        {
            ReminderError = t["Reminder.BadAudience"];
            return Page();
        }

        if (chosen == ReminderAudience.Selected && ModelState.GetFieldValidationState(nameof(memberIds)) == ModelValidationState.Invalid)
        {
            ReminderError = t["Reminder.BadSelection"];
            return Page();
        }

        if (chosen == ReminderAudience.Selected && memberIds is not { Length: > 0 and <= CohortModel.MaxRows })
        {
            ReminderError = t["Reminder.NobodySelected"];
            return Page();
        }

        var sent = await reminders.SendAsync(await ScopeAsync(), id, chosen, memberIds ?? [], note, new Email.InLanguage(CourseTitle, CourseLanguage), cancellationToken);
        if (sent is null)
        {
            return NotFound();
        }

        TempData["Status"] = ReminderStatus(sent);
        return RedirectToPage(Place(id));
    }

    /// <summary>
    /// "Sent to 2 people. 1 person was skipped …", or that nothing was sent when everyone had just been reminded; and
    /// how many closed accounts were passed by, so a coordinator who chose such a person knows why nothing went.
    /// </summary>
    private string ReminderStatus(ReminderOutcome outcome)
    {
        var parts = new List<string>();
        if (outcome is { Sent: 0, Skipped: > 0 })
        {
            parts.Add(t["Reminder.AllSkipped"]);
        }
        else if (outcome is not { Sent: 0, Closed: > 0 })
        {
            parts.Add(t[outcome.Sent == 1 ? "Reminder.Sent.One" : "Reminder.Sent", outcome.Sent]);
            if (outcome.Skipped > 0)
            {
                parts.Add(t[outcome.Skipped == 1 ? "Reminder.Skipped.One" : "Reminder.Skipped", outcome.Skipped]);
            }
        }

        if (outcome.Closed > 0)
        {
            parts.Add(t[outcome.Closed == 1 ? "Reminder.Closed.One" : "Reminder.Closed", outcome.Closed]);
        }

        return string.Join(" ", parts);
    }

    public async Task<IActionResult> OnPostAutoRemindersAsync(int id, bool enabled, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await automatic.SetEnabledAsync(id, enabled, cancellationToken);
        TempData["Status"] = t[enabled ? "Reminder.AutoOn" : "Reminder.AutoOff"].Value;
        return RedirectToPage(Place(id));
    }

    private static List<RosterRow>? ParseRows(string? json)
    {
        try
        {
            var list = JsonSerializer.Deserialize<List<RosterRow?>>(json ?? "");
            return list is { Count: > 0 and <= MaxRows } && list.All(r => r is { Email: not null, Row: > 0 }) ? list.Select(r => r!).ToList() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<IActionResult> ImportOrShowErrorsAsync(RosterParseResult parsed)
    {
        // A problem with the whole list is told alone, without the row wording ("1 row with an error … Row 1:").
        Problem = Cohort!.ArchivedAtUtc is not null ? new RosterProblem("Cohorts.ArchivedNoImport")
            : parsed.Problem
            ?? (parsed.Rows.Count > MaxRows ? new RosterProblem("Cohorts.TooManyRows", MaxRows)
            : parsed.Rows.Count == 0 && parsed.Errors.Count == 0 ? new RosterProblem("Cohorts.NoRows")
            : null);
        if (Problem is not null)
        {
            return Page();
        }

        if (parsed.Errors.Count > 0)
        {
            ShowErrors(parsed.Errors);
            ValidCount = parsed.Rows.Count;
            ValidRowsJson = parsed.Rows.Count > 0 ? JsonSerializer.Serialize(parsed.Rows) : null;
            return Page();
        }

        var summary = await importer.ImportAsync(Cohort!, await ScopeAsync(), parsed.Rows, HttpContext.RequestAborted);
        TempData["Status"] = t["Cohorts.Imported", summary.Enrolled, summary.Invited].Value
            + (summary.AlreadyMembers > 0 ? " " + t["Cohorts.ImportedAlready", summary.AlreadyMembers].Value : "");
        return RedirectToPage(new { id = Cohort!.Id });
    }

    private void ShowErrors(IReadOnlyList<RosterError> errors)
    {
        ErrorCount = errors.Count;
        Errors = errors.Take(ShownErrors).ToList();
    }

    /// <summary>The search and the page of each list, for every form's address and every redirect after one.</summary>
    public Dictionary<string, string> Here() =>
        new Dictionary<string, string?>
        {
            ["q"] = Query,
            [nameof(MembersPage)] = Beyond1(MembersPage),
            [nameof(PendingPage)] = Beyond1(PendingPage),
            [nameof(DeclinedPage)] = Beyond1(DeclinedPage),
        }.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!);

    public Pager MembersPager => States.ToPager(p => PageUrl(nameof(MembersPage), "members", p));

    public Pager PendingPager => Pending.ToPager(p => PageUrl(nameof(PendingPage), "pending", p));

    public Pager DeclinedPager => Declined.ToPager(p => PageUrl(nameof(DeclinedPage), "declined", p));

    // Another page of one list (pageKey: its page's name in the address), the other lists staying where they are,
    // scrolled to that list's heading.
    private string PageUrl(string pageKey, string headingId, int page)
    {
        var values = Place(Cohort!.Id);
        values[pageKey] = Beyond1(page);
        return Url.Page("/Coordination/Cohorts/Cohort", null, values, null, null, headingId)!;
    }

    private RouteValueDictionary Place(int id)
    {
        var values = new RouteValueDictionary { ["id"] = id };
        foreach (var (key, value) in Here())
        {
            values[key] = value;
        }

        return values;
    }

    private string? Query => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();

    private static string? Beyond1(int page) => page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private async Task<bool> LoadAsync(int id)
    {
        Cohort = await cohorts.FindAsync(await ScopeAsync(), id, HttpContext.RequestAborted);
        if (Cohort is null)
        {
            return false;
        }

        var course = catalog.Current.Find(Cohort.CourseId);
        CourseUnavailable = catalog.Current.Unserved(Cohort.CourseId);
        (CourseTitle, CourseLanguage) = (course?.Title ?? CourseUnavailable?.Title ?? Cohort.CourseId, course?.Language ?? CourseUnavailable?.Language);
        var cancel = HttpContext.RequestAborted;
        Search = Query;
        Counts = await management.CountsAsync(Cohort, cancel);
        States = await management.StatesPageAsync(Cohort, CohortMemberStatus.Member, Search, MembersPage, cancel);
        Pending = await cohorts.PendingPageAsync(Cohort, Search, PendingPage, cancel);
        Declined = await management.StatesPageAsync(Cohort, CohortMemberStatus.Declined, Search, DeclinedPage, cancel);
        (MembersPage, PendingPage, DeclinedPage) = (States.PageNumber, Pending.PageNumber, Declined.PageNumber);
        Reminders = await reminders.SentAsync(Cohort, cancel);
        return true;
    }
}

/// <summary>What the reminder form holds: the audience's form value, the note and the ticked members.</summary>
public sealed record ReminderForm(string Audience, string? Note, IReadOnlySet<int> Ticked)
{
    public static readonly ReminderForm Empty = new(nameof(ReminderAudience.NotStarted), null, new HashSet<int>());
}
