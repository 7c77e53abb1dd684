using Microsoft.AspNetCore.Mvc;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>Mail that has not gone out (waiting or failed) to people in the viewer's scope, with a retry button.</summary>
public class MailModel(OutboxReview outbox) : CoordinationPage
{
    public IReadOnlyList<PendingMail> Rows { get; private set; } = [];

    /// <summary>All unsent messages in the scope; more than <see cref="Rows"/> when the list is capped.</summary>
    public int Total { get; private set; }

    public async Task OnGetAsync() =>
        (Rows, Total) = await outbox.PendingAsync(await ScopeAsync(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRetryAsync(Guid id) =>
        await outbox.RetryAsync(await ScopeAsync(), id, HttpContext.RequestAborted) ? RedirectToPage() : NotFound();
}
