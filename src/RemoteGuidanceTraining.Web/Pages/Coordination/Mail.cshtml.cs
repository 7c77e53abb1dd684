using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Pages.Coordination;

/// <summary>Mail that has not gone out (waiting or failed) to people in the viewer's scope, with a retry button.</summary>
public class MailModel(AppDbContext db, UserManager<AppUser> users, OutboxSignal signal) : CoordinationPage(users)
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await (await InScopeAsync(db.OutboxMessages.AsNoTracking().Where(m => m.SentAtUtc == null)))
            .OrderByDescending(m => m.FailedAtUtc != null).ThenBy(m => m.CreatedAtUtc).Take(500)
            .ToListAsync();
        Rows = rows.Select(m => new Row(m.Id, m.ToAddress, m.Subject, m.Status, m.Attempts, m.LastError)).ToList();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        var message = await (await InScopeAsync(db.OutboxMessages)).SingleOrDefaultAsync(m => m.Id == id && m.SentAtUtc == null);
        if (message is null)
        {
            return NotFound();
        }

        message.FailedAtUtc = null;
        message.Attempts = 0;
        message.NextAttemptAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
        signal.Notify();
        return RedirectToPage();
    }

    private async Task<IQueryable<OutboxMessage>> InScopeAsync(IQueryable<OutboxMessage> messages)
    {
        var scope = await ScopeAsync();
        var addresses = scope.Filter(db.Users).Select(u => u.Email);
        return messages.Where(m => addresses.Contains(m.ToAddress));
    }

    public sealed record Row(Guid Id, string ToAddress, string Subject, OutboxStatus Status, int Attempts, string? LastError);
}
