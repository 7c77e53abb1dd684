using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Learning;

/// <summary>A participant's own courses: those under way with their progress, and those completed with their certificates.</summary>
public sealed class StudyOverview(AppDbContext db, CatalogHolder catalog, ProgressReader progress)
{
    public async Task<MyStudies> LoadAsync(string userId, CancellationToken cancellationToken)
    {
        // Two queries whatever the number of courses: all progress in one, valid and revoked certificates in the other
        // (a revoked one is named with its date, so the person is not left thinking it still holds).
        var summaries = await progress.SummariesAsync(userId, cancellationToken);
        var certificates = new List<CertificateRow>();
        await foreach (var row in _certificates(db, userId).WithCancellation(cancellationToken))
        {
            certificates.Add(row);
        }

        var completions = summaries.Values.Where(s => s.Completion is not null).Select(s => s.Completion!).ToList();
        var inProgress = summaries.Where(s => s.Value.Completion is null)
            .Select(s => catalog.Current.Find(s.Key) is { } course ? s.Value.ToProgress(userId, course) : null)
            .Where(p => p is { IsEnrolled: true }).Select(p => p!)
            .OrderByDescending(p => p.Enrollment!.LastActivityAtUtc).ToList();
        // Enrolments in a course whose files now fail to load, or whose folder was removed, stay listed, by name, without
        // links: the progress is kept against ids and counts again once the files are back.
        var unavailable = summaries.Where(s => s.Value.Completion is null && s.Value.Enrollment is not null)
            .Select(s => (Course: catalog.Current.Unserved(s.Key), s.Value.Enrollment!.LastActivityAtUtc))
            .Where(x => x.Course is not null).OrderByDescending(x => x.LastActivityAtUtc).Select(x => x.Course!).ToList();
        // A completed course stays listed even if it has since been removed from the catalogue: the certificate remembers it.
        var completed = completions.OrderByDescending(c => c.CompletedAtUtc).Select(c =>
        {
            var valid = certificates.FirstOrDefault(x => x.CourseId == c.CourseId && x.Status == CertificateStatus.Valid);
            var revoked = certificates.Where(x => x.CourseId == c.CourseId && x.Status == CertificateStatus.Revoked).MaxBy(x => x.RevokedAtUtc);
            var certificate = valid ?? revoked;
            var course = catalog.Current.Find(c.CourseId);
            return new CompletedCourse(certificate?.CourseTitle ?? course?.Title ?? c.CourseId, certificate?.Language ?? course?.Language ?? "fi",
                c.CompletedAtUtc, valid?.Id, valid?.VerificationCode) { CertificateRevokedAtUtc = valid is null ? revoked?.RevokedAtUtc : null };
        }).ToList();
        return new MyStudies(inProgress, completed) { Unavailable = unavailable };
    }

    // Compiled once, like the progress queries: My studies runs it on every view, and matching the LINQ against EF Core's
    // query cache cost about as much as the SQL (benchmarks README).
    private static readonly Func<AppDbContext, string, IAsyncEnumerable<CertificateRow>> _certificates =
        EF.CompileAsyncQuery((AppDbContext db, string userId) => db.Certificates.AsNoTracking()
            .Where(c => c.UserId == userId && c.Status != CertificateStatus.Replaced)
            .Select(c => new CertificateRow(c.Id, c.CourseId, c.CourseTitle, c.Language, c.VerificationCode, c.Status, c.RevokedAtUtc)));

    private sealed record CertificateRow(
        int Id, string CourseId, string CourseTitle, string Language, string VerificationCode, CertificateStatus Status, DateTime? RevokedAtUtc);

    /// <summary>Only the person's own certificate: anyone else's id gives null, as if it did not exist.</summary>
    public Task<Certificate?> OwnCertificateAsync(string userId, int id, CancellationToken cancellationToken) =>
        db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);
}

public sealed record MyStudies(IReadOnlyList<CourseProgress> InProgress, IReadOnlyList<CompletedCourse> Completed)
{
    /// <summary>Courses the person is enrolled in that are temporarily not served because their files have errors.</summary>
    public IReadOnlyList<RemoteGuidanceTraining.Courses.Model.UnavailableCourse> Unavailable { get; init; } = [];
}

public sealed record CompletedCourse(string Title, string Language, DateTime CompletedAtUtc, int? CertificateId, string? VerificationCode)
{
    /// <summary>Set when the course has no valid certificate because it was revoked.</summary>
    public DateTime? CertificateRevokedAtUtc { get; init; }
}
