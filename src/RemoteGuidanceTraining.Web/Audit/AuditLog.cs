using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Audit;

/// <summary>
/// Adds an audit entry to the caller's unit of work, so the entry commits (or rolls back) with the change it records.
/// The actor is the signed-in user of the current request unless given.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public void Record(string action, string? subjectUserId = null, string? details = null, string? actorUserId = null) =>
        Add(action, subjectUserId, details, actorUserId ?? http.HttpContext?.User.UserId());

    /// <summary>
    /// An entry for what the site did by itself under a rule, whoever's request set it off: a person who happens to be
    /// signed in (an admin opening someone's link) did not act.
    /// </summary>
    public void RecordBySite(string action, string? subjectUserId = null, string? details = null) => Add(action, subjectUserId, details, null);

    private void Add(string action, string? subjectUserId, string? details, string? actorUserId)
    {
        var trimmed = details is { Length: > AuditEntry.DetailsMaxLength } ? details[..AuditEntry.DetailsMaxLength] : details;
        db.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Action = action,
            ActorUserId = actorUserId,
            SubjectUserId = subjectUserId,
            Details = trimmed,
        });
    }

    /// <summary>For callers whose change went through ExecuteUpdate/ExecuteDelete and has nothing else to save.</summary>
    public async Task RecordNowAsync(string action, string? subjectUserId = null, string? details = null, CancellationToken cancellationToken = default)
    {
        Record(action, subjectUserId, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
