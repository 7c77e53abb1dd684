using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>One certificate: its history, and resend / reissue / revoke for coordinators of that person and admins.</summary>
public class CertificateModel(CertificateRegistry registry, CertificateActions actions, IStringLocalizer<SharedResource> t)
    : CoordinationPage
{
    public Certificate? Certificate { get; private set; }

    /// <summary>Null when the holder deleted their account: only the stub the certificate needs is left.</summary>
    public string? CurrentName { get; private set; }

    /// <summary>No address to resend to and no current name to reissue with; revoking still works.</summary>
    public bool HolderDeleted => CurrentName is null;

    public string? MailStatus { get; private set; }

    public IReadOnlyList<CertificateEventRow> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        MailStatus = await registry.MailStatusAsync(Certificate!, HttpContext.RequestAborted);
        Events = await registry.HistoryAsync(id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id) =>
        await LoadAsync(id) ? File(Certificate!.Pdf, "application/pdf", CertificateMails.FileNameOf(Certificate)) : NotFound();

    public Task<IActionResult> OnPostResendAsync(int id) => ActAsync(id, "Certs.Resent", c => actions.ResendAsync(c, ViewerId, HttpContext.RequestAborted), needsAccount: true);

    /// <summary>Reasons and notes are stored with the certificate's history: a paragraph, not a document.</summary>
    public const int MaxNoteLength = FieldLengths.Note;

    public Task<IActionResult> OnPostReissueAsync(int id, string? note) => note?.Length > MaxNoteLength
        ? Task.FromResult<IActionResult>(RedirectWithStatus(id, "Certs.NoteTooLong"))
        : ActAsync(id, "Certs.Reissued", c => actions.ReissueAsync(c, ViewerId, note, HttpContext.RequestAborted), needsAccount: true);

    /// <summary>Irreversible for that code and told to the participant, so the form asks for an explicit confirmation.</summary>
    public Task<IActionResult> OnPostRevokeAsync(int id, string? reason, bool confirm) =>
        string.IsNullOrWhiteSpace(reason) ? Task.FromResult<IActionResult>(RedirectWithStatus(id, "Certs.ReasonNeeded"))
        : reason.Trim().Length > MaxNoteLength ? Task.FromResult<IActionResult>(RedirectWithStatus(id, "Certs.NoteTooLong"))
        : ActAsync(id, "Certs.Revoked", c => actions.RevokeAsync(c, ViewerId, reason.Trim(), HttpContext.RequestAborted),
            refusal: confirm ? null : "Certs.RevokeNotConfirmed");

    public Task<IActionResult> OnPostIssueNewAsync(int id, string? note) => note?.Length > MaxNoteLength
        ? Task.FromResult<IActionResult>(RedirectWithStatus(id, "Certs.NoteTooLong"))
        : ActAsync(id, "Certs.Reissued", c => actions.IssueAfterRevocationAsync(c, ViewerId, note, HttpContext.RequestAborted),
            CanIssueNew, "Certs.IssueNewNotPossible", needsAccount: true);

    /// <summary>A new certificate may follow a revoked one, once; a replaced one already has its successor.</summary>
    public static bool CanIssueNew(Certificate c) => c.Status == CertificateStatus.Revoked && c.ReplacedByCertificateId is null;

    /// <summary>An action that changes nothing another request could have changed first (resend).</summary>
    private Task<IActionResult> ActAsync(int id, string doneKey, Func<Certificate, Task> action, bool needsAccount = false) =>
        ActAsync(id, doneKey, async c =>
        {
            await action(c);
            return CertificateChange.Made(c.Id);
        }, needsAccount: needsAccount);

    private async Task<IActionResult> ActAsync(int id, string doneKey, Func<Certificate, Task<CertificateChange>> action,
        Func<Certificate, bool>? allowed = null, string notAllowedKey = "Certs.NotValid", string? refusal = null, bool needsAccount = false)
    {
        if (!await LoadAsync(id))
        {
            return NotFound(); // before any check of the form: an id outside the viewer's scope tells nothing
        }

        if (refusal is not null)
        {
            return RedirectWithStatus(id, refusal);
        }

        if (!(allowed ?? (c => c.Status == CertificateStatus.Valid))(Certificate!))
        {
            return RedirectWithStatus(id, notAllowedKey);
        }

        if (needsAccount && HolderDeleted)
        {
            // The page offers no such action then; a post anyway gets the page's reason, not a mail to nobody.
            return RedirectWithStatus(id, "Certs.HolderDeleted");
        }

        var change = await action(Certificate!);
        if (change.Done)
        {
            return RedirectWithStatus(change.ShowId, doneKey);
        }

        // Another request changed it between this page's check and the database's: say what and who, not a 500.
        TempData["Status"] = change.MeanwhileBy is null ? t["Certs.NotValid"].Value
            : t["Certs.ChangedMeanwhile", t["Certs.Event." + change.MeanwhileAction].Value, NameOf(change.MeanwhileBy)].Value;
        return RedirectToPage(new { id = change.ShowId });
    }

    /// <summary>The actor's name, or "a deleted user" (the same words as the course files' history).</summary>
    public string NameOf(CertificateActor actor) => actor.AccountDeleted ? t["Account.DeletedUser"].Value : actor.Name;

    private RedirectToPageResult RedirectWithStatus(int id, string key)
    {
        TempData["Status"] = t[key].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Finds the certificate only if its holder is within the viewer's scope: other people's ids give 404.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        if (await registry.FindAsync(await ScopeAsync(), id, HttpContext.RequestAborted) is not { } found)
        {
            return false;
        }

        (Certificate, CurrentName) = found;
        return true;
    }
}
