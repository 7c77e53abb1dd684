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
    /// <summary>Completes the course when every requirement is met: one counting query, plus the completion when it happens.</summary>
    public async Task<CourseCompletion?> CompleteIfMetAsync(string userId, Course course) =>
        await requirements.AllMetAsync(userId, course) ? await RecordAsync(userId, course) : null;

    private async Task<CourseCompletion?> RecordAsync(string userId, Course course)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        var completion = new CourseCompletion { UserId = userId, CourseId = course.Id, ContentVersion = course.Version };
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            db.CourseCompletions.Add(completion);
            await db.SaveChangesAsync();
            await issuer.IssueAsync(user, FactsOf(course, signer.For(course.Language)), completion.CompletedAtUtc, byUserId: null, action: "Issued");
            await transaction.CommitAsync();
        }
        catch (DbUpdateException error)
        {
            // Someone else's request recorded it first; theirs stands and nothing of ours is kept.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            logger.CompletionAlreadyRecorded(error, course.Id, userId);
            return await db.CourseCompletions.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId && c.CourseId == course.Id);
        }

        signal.Notify();
        return completion;
    }

    /// <summary>The course as the certificate records it; issuer and signatory come from the site's settings.</summary>
    public static CourseFacts FactsOf(Course course, CertificateSignature signature) => new(course.Id, course.Title, course.Language,
        course.Credits, course.Hours, course.Outcomes, signature.IssuerName, signature.SignatoryName, signature.SignatoryTitle, course.Version);
}
