using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// One context for Identity and the app's own data, so that a change and what it announces
/// (progress, a certificate, its outbox mail) commit in one transaction. This type is the SQLite one (its migrations
/// are in Data/Migrations); <see cref="Postgres.PostgresAppDbContext"/> derives from it for PostgreSQL.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's derived context, which has its own migrations.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Data-protection keys, shared by every site instance on the database (cookies, antiforgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<CohortMember> CohortMembers => Set<CohortMember>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<CertificateEvent> CertificateEvents => Set<CertificateEvent>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();

    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();

    public DbSet<QuizResult> QuizResults => Set<QuizResult>();

    public DbSet<TaskAnswer> TaskAnswers => Set<TaskAnswer>();

    public DbSet<CourseCompletion> CourseCompletions => Set<CourseCompletion>();

    public DbSet<TaskAnswerVersion> TaskAnswerVersions => Set<TaskAnswerVersion>();

    public DbSet<TaskFeedback> TaskFeedbacks => Set<TaskFeedback>();

    public DbSet<PeerReview> PeerReviews => Set<PeerReview>();

    public DbSet<Organisations.Organisation> Organisations => Set<Organisations.Organisation>();

    public DbSet<Organisations.OrganisationDomain> OrganisationDomains => Set<Organisations.OrganisationDomain>();

    public DbSet<Organisations.CoordinatorAssignment> CoordinatorAssignments => Set<Organisations.CoordinatorAssignment>();

    public DbSet<NetworkRegion> NetworkRegions => Set<NetworkRegion>();

    public DbSet<NetworkGroup> NetworkGroups => Set<NetworkGroup>();

    public DbSet<NetworkMunicipality> NetworkMunicipalities => Set<NetworkMunicipality>();

    public DbSet<NetworkProfile> NetworkProfiles => Set<NetworkProfile>();

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
