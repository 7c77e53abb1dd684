using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Coordination.Cohorts;

/// <summary>One cohort: its members, and adding people from a CSV file or typed addresses.</summary>
public class CohortModel(AppDbContext db, CatalogHolder catalog, UserManager<AppUser> users, CohortImporter importer,
    PublicUrls urls, IStringLocalizer<SharedResource> t) : CoordinationPage(users)
{
    private const int MaxUploadBytes = 2 * 1024 * 1024;

    public Cohort? Cohort { get; private set; }

    public string CourseTitle { get; private set; } = "";

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public IReadOnlyList<RosterError> Errors { get; private set; } = [];

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
            Errors = [new RosterError(1, file is null || file.Length == 0 ? "Cohorts.NoFile" : "Cohorts.FileTooLarge")];
            return Page();
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
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

        var list = JsonSerializer.Deserialize<List<RosterRow>>(rows ?? "[]") ?? [];
        // Posted back by the browser: check the rows again rather than trust them.
        var recheck = RosterCsv.ParseTyped(string.Join('\n', list.Select(r => $"{r.Email};{r.FullName};{r.Organisation}")));
        return await ImportOrShowErrorsAsync(recheck with { Rows = recheck.Rows.Select((r, i) => r with { Row = list[i].Row }).ToList() });
    }

    private async Task<IActionResult> ImportOrShowErrorsAsync(RosterParseResult parsed)
    {
        if (parsed.Errors.Count > 0 || parsed.Rows.Count == 0)
        {
            Errors = parsed.Errors.Count > 0 ? parsed.Errors : [new RosterError(1, "Cohorts.NoRows")];
            ValidCount = parsed.Rows.Count;
            ValidRowsJson = parsed.Rows.Count > 0 ? JsonSerializer.Serialize(parsed.Rows) : null;
            return Page();
        }

        var summary = await importer.ImportAsync(Cohort!, parsed.Rows,
            (user, code) => $"{urls.BaseUrl}/Account/AcceptInvitation?userId={user.Id}&code={code}&course={Cohort!.CourseId}");
        TempData["Status"] = t["Cohorts.Imported", summary.Enrolled, summary.Invited].Value;
        return RedirectToPage(new { id = Cohort!.Id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Cohort = await (await ScopeAsync()).Filter(db.Cohorts).SingleOrDefaultAsync(c => c.Id == id);
        if (Cohort is null)
        {
            return false;
        }

        CourseTitle = catalog.Current.Find(Cohort.CourseId)?.Title ?? Cohort.CourseId;
        Members = await (from m in db.CohortMembers.AsNoTracking()
                         join u in db.Users on m.UserId equals u.Id
                         where m.CohortId == id
                         orderby u.FullName
                         select new MemberRow(u.FullName, u.Email ?? "", u.Organisation, u.EmailConfirmed)).ToListAsync();
        return true;
    }

    public sealed record MemberRow(string FullName, string Email, string? Organisation, bool Confirmed);
}
