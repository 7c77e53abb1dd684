using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// An import is all or nothing even though new people are written in batches: a database failure in the middle
/// takes back every batch already written, and no invitation is mailed for an account that is then removed.
/// </summary>
public sealed class CohortImportFailureTests : IDisposable
{
    private readonly TestSite _base = new();
    private readonly FailingCommand _failure = new();
    private readonly WebApplicationFactory<Program> _site;

    public CohortImportFailureTests() => _site = _base.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton(_failure);
        services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<FailingCommand>()));
        services.ConfigureDbContext<Web.Data.Postgres.PostgresAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<FailingCommand>()));
    }));

    public void Dispose()
    {
        _site.Dispose();
        _base.Dispose();
    }

    [Theory]
    [InlineData("INSERT INTO \"AspNetUsers\"", 3)] // the third batch of new people
    [InlineData("INSERT INTO \"Enrollments\"", 1)] // the existing account, after every new person was written
    public async Task A_database_failure_in_the_middle_of_an_import_leaves_no_one_added_and_no_invitation_mailed(string command, int occurrence)
    {
        var existing = await TestUsers.CreateAsync(_site.Services, "olemassa@example.fi", "Olli Olemassa");
        var rows = Enumerable.Range(0, 450).Select(i => new RosterRow(i + 2, $"uusi{i}@example.fi", $"Uusi {i}", null))
            .Append(new RosterRow(452, "olemassa@example.fi", null, null)).ToList();
        int cohortId;
        using (var scope = _site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // In an organisation, so every new account's joining is audited, and the audit rows must be taken back too.
            var organisation = await TestOrganisations.EnsureAsync(_site.Services, "Organisaatio A");
            var cohort = new Cohort { Name = "Syksy", CourseId = "etaohjauksen-perusteet", CreatedByUserId = existing.Id, OrganisationId = organisation };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            cohortId = cohort.Id;
            _failure.Arm(command, occurrence);
            var everyone = new CoordinatorScope(true, [], [], db.CohortMembers);
            await Assert.ThrowsAnyAsync<Exception>(() => scope.ServiceProvider.GetRequiredService<CohortImporter>().ImportAsync(cohort, everyone, rows));
        }

        Assert.True(_failure.Fired);
        using var check = _site.Services.CreateScope();
        var data = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await data.Users.CountAsync(u => u.Email!.StartsWith("uusi")));
        Assert.Equal(0, await data.CohortMembers.CountAsync(m => m.CohortId == cohortId));
        Assert.Equal(0, await data.Enrollments.CountAsync(e => e.UserId == existing.Id));
        Assert.Equal(0, await data.OutboxMessages.CountAsync(m => m.Category == "account" && m.ToAddress.StartsWith("uusi")));
        Assert.Equal(1, await data.UserRoles.CountAsync()); // only the existing account's
        Assert.Equal(0, await data.AuditEntries.CountAsync(e => e.Action == Web.Audit.AuditActions.MembershipByInvitation));

        // The same list imported again, with the database well, goes in whole and its invitations are due.
        _failure.Disarm();
        using var again = _site.Services.CreateScope();
        var db2 = again.ServiceProvider.GetRequiredService<AppDbContext>();
        var same = await db2.Cohorts.SingleAsync(c => c.Id == cohortId);
        var summary = await again.ServiceProvider.GetRequiredService<CohortImporter>()
            .ImportAsync(same, new CoordinatorScope(true, [], [], db2.CohortMembers), rows);
        Assert.Equal((1, 450), (summary.Enrolled, summary.Invited));
        var now = DateTime.UtcNow.AddMinutes(1);
        Assert.Equal(450, await db2.OutboxMessages.CountAsync(m => m.Category == "account" && m.NextAttemptAtUtc <= now));
        Assert.Equal(450, await db2.AuditEntries.CountAsync(e => e.Action == Web.Audit.AuditActions.MembershipByInvitation
            && db2.Users.Any(u => u.Id == e.SubjectUserId && u.Email!.StartsWith("uusi"))));
    }

    /// <summary>Throws instead of running the n-th command that starts with the given text, once armed.</summary>
    private sealed class FailingCommand : DbCommandInterceptor
    {
        private string? _command;
        private int _left;

        public bool Fired { get; private set; }

        public void Arm(string command, int occurrence) => (_command, _left, Fired) = (command, occurrence, false);

        public void Disarm() => _command = null;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(DbCommand command)
        {
            if (_command is not null && command.CommandText.Contains(_command, StringComparison.Ordinal) && --_left == 0)
            {
                Fired = true;
                _command = null;
                throw new InvalidOperationException("Simulated database failure.");
            }
        }
    }
}
