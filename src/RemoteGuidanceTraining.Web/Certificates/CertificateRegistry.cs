using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Paging;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// The coordinators' view of certificates: only those whose holder is within the viewer's
/// <see cref="CoordinatorScope"/>; an id outside it is treated as if it did not exist.
/// </summary>
public sealed class CertificateRegistry(AppDbContext db)
{
    /// <summary>Certificates per page of the list, newest first.</summary>
    public const int PageSize = 50;

    public async Task<PagedList<CertificateRow>> SearchAsync(CoordinatorScope scope, string? query, int page, CancellationToken cancellationToken)
    {
        var certificates = scope.Filter(db.Certificates.AsNoTracking(), db.Users);
        if (query is not null)
        {
            // A typed code finds its certificate however it was written (lower case, spaces, no dashes), read as
            // /verify reads it; anything else is searched as text.
            var code = VerificationCodes.Normalise(query);
            var byCode = certificates.Where(c => c.VerificationCode == code);
            certificates = await byCode.AnyAsync(cancellationToken) ? byCode
                : certificates.WhereContains(query, c => c.FullName, c => c.VerificationCode, c => c.CourseTitle, c => c.SerialNumber);
        }

        // The id breaks ties, so certificates issued in the same moment (an import) keep their place from page to page.
        return await PagedList<CertificateRow>.ReadAsync(
            certificates.OrderByDescending(c => c.IssuedAtUtc).ThenByDescending(c => c.Id)
                .Select(c => new CertificateRow(c.Id, c.FullName, c.CourseTitle, c.CompletedOn, c.VerificationCode, c.Status, c.Language)),
            page, PageSize, cancellationToken);
    }

    /// <summary>
    /// The certificate (tracked, for the actions) and its holder's current name, which is null when the holder deleted
    /// their account; null outside the scope.
    /// </summary>
    public async Task<(Certificate Certificate, string? CurrentName)?> FindAsync(CoordinatorScope scope, int id, CancellationToken cancellationToken)
    {
        var certificate = await scope.Filter(db.Certificates, db.Users).Where(c => c.Id == id).SingleOrDefaultAsync(cancellationToken);
        if (certificate is null)
        {
            return null;
        }

        // The whole row, so that the one stub rule decides (a C# method EF cannot put in SQL): a stub has no current name.
        var holder = await db.Users.AsNoTracking().SingleAsync(u => u.Id == certificate.UserId, cancellationToken);
        return (certificate, AccountDeletion.IsStub(holder) ? null : holder.FullName);
    }

    /// <summary>The state of the newest mail that carried this certificate, if any was sent.</summary>
    public async Task<string?> MailStatusAsync(Certificate certificate, CancellationToken cancellationToken)
    {
        var outbox = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SubjectType == CertificateMails.SubjectType && m.SubjectId == certificate.VerificationCode)
            .OrderByDescending(m => m.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return outbox?.Status.ToString();
    }

    /// <summary>What has happened to the certificate, oldest first, with who did it.</summary>
    public async Task<List<CertificateEventRow>> HistoryAsync(int id, CancellationToken cancellationToken)
    {
        // The actors' whole rows (a few per certificate), so that CertificateActor applies the stub rule in C#.
        var events = await (from e in db.CertificateEvents.AsNoTracking()
                            where e.CertificateId == id
                            join u in db.Users.AsNoTracking() on e.ByUserId equals u.Id into actors
                            from u in actors.DefaultIfEmpty()
                            orderby e.AtUtc
                            select new { e.AtUtc, e.Action, e.ByUserId, User = u, e.Note }).ToListAsync(cancellationToken);
        return [.. events.Select(e => new CertificateEventRow(e.AtUtc, e.Action, CertificateActor.Of(e.ByUserId, e.User), e.Note))];
    }
}

/// <summary>A certificate in the list; its Language is the course's, that of its title.</summary>
public sealed record CertificateRow(int Id, string FullName, string CourseTitle, DateOnly CompletedOn, string VerificationCode, CertificateStatus Status, string Language);

public sealed record CertificateEventRow(DateTime AtUtc, string Action, CertificateActor? By, string? Note);
