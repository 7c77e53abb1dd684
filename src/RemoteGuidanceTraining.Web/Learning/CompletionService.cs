using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Courses.Model;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>
/// Records a completion the moment the last requirement is met, and issues the certificate with its mail in the
/// same transaction. Two requests finishing at once both try; the unique index on (user, course) lets one win.
/// </summary>
public sealed class CompletionService(AppDbContext db, Requirements requirements, CertificateIssuer issuer, CertificateSigner signer, OutboxSignal signal, ILogger<CompletionService> logger)
{
    /// <summary>
    /// Completes the course when every requirement is met: one counting query, plus the completion when it happens.
    /// The token cancels the check and the completion's transaction as a whole (completion, certificate and mail
    /// commit together or not at all).
    /// </summary>
    public async Task<CourseCompletion?> CompleteIfMetAsync(string userId, Course course, CancellationToken cancellationToken) =>
        await requirements.AllMetAsync(userId, course, cancellationToken) ? await RecordAsync(userId, course, cancellationToken) : null;

    /// <summary>
    /// In its own transaction, or inside the caller's (a trainer accepting the last task): then a savepoint lets a
    /// completion recorded first by another request give way without undoing the caller's work, and the caller
    /// wakes the outbox after its commit.
    /// </summary>
    private async Task<CourseCompletion?> RecordAsync(string userId, Course course, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var completion = new CourseCompletion { UserId = userId, CourseId = course.Id, ContentVersion = course.Version };
        var ambient = db.Database.CurrentTransaction;
        await using var own = ambient is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (ambient is not null)
        {
            await ambient.CreateSavepointAsync(Savepoint, cancellationToken);
        }

        try
        {
            db.CourseCompletions.Add(completion);
            await db.SaveChangesAsync(cancellationToken);
            await issuer.IssueAsync(user, FactsOf(course, signer.For(course.Language)), completion.CompletedAtUtc, byUserId: null, action: "Issued", cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // Someone else's request recorded it first; theirs stands and nothing of ours is kept. Any other
            // failure propagates: the request fails and is logged, and the next write or sweep tries again.
            // Taking ours back is not cancellable: it must end whether or not the request is still wanted.
            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None);
            }
            else
            {
                await ambient!.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            }

            db.ChangeTracker.Clear();
            logger.CompletionAlreadyRecorded(error, course.Id, userId);
            return await db.CourseCompletions.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId && c.CourseId == course.Id, cancellationToken);
        }

        if (own is not null)
        {
            signal.Notify();
        }

        return completion;
    }

    private const string Savepoint = "completion";

    /// <summary>The course as the certificate records it; issuer and signatory come from the site's settings.</summary>
    public static CourseFacts FactsOf(Course course, CertificateSignature signature) => new(course.Id, course.Title, course.Language,
        course.Credits, course.Hours, course.Outcomes, signature.IssuerName, signature.SignatoryName, signature.SignatoryTitle, course.Version);
}
