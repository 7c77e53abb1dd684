using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Benchmarks;

/// <summary>
/// Imports rosters of new people into a cohort through the site's own importer (accounts, roles, memberships,
/// invitation tokens and mails, all or nothing), on a fresh SQLite database in the Production environment. The
/// baseline in the same run writes the same number of bare account rows with one SaveChanges, the least any
/// import of new people has to do.
/// </summary>
internal static class CohortImportRun
{
    public static async Task<int> RunAsync(IReadOnlyList<int> sizes)
    {
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rgt-import", Guid.NewGuid().ToString("N"))).FullName;
        var app = SiteBuilder.Build([
            "--urls=http://127.0.0.1:0", "--environment=Production", "--App:PublicBaseUrl=https://koulutus.example.fi", "--AllowedHosts=koulutus.example.fi",
            $"--contentRoot={CertificateDeliveryRun.WebProject()}", $"--App:DataFolder={work}",
            // Mail stays in the outbox: this measures the import, not delivery.
            "--Mail:PollSeconds=3600", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        try
        {
            var coordinator = await AccountAsync(app.Services);
            var round = 0;
            foreach (var size in sizes)
            {
                round++;
                var baseline = await CertificateDeliveryRun.TimeAsync(() => BareAccountsAsync(app.Services, size, $"pohja{round}"));
                var import = await CertificateDeliveryRun.TimeAsync(() => ImportAsync(app.Services, coordinator, size, $"tuotu{round}"));
                Console.WriteLine($"{size} new people: import {import.TotalSeconds:F2} s, baseline (bare account rows) {baseline.TotalSeconds:F2} s, ratio x{import / baseline:F1}");
            }

            return 0;
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> AccountAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new AppUser { UserName = "koordinaattori@example.fi", Email = "koordinaattori@example.fi", FullName = "Kaisa Koordinaattori" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task BareAccountsAsync(IServiceProvider services, int count, string prefix)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Users.AddRange(Enumerable.Range(0, count).Select(i => new AppUser
        {
            UserName = $"{prefix}{i}@example.fi", NormalizedUserName = $"{prefix.ToUpperInvariant()}{i}@EXAMPLE.FI",
            Email = $"{prefix}{i}@example.fi", NormalizedEmail = $"{prefix.ToUpperInvariant()}{i}@EXAMPLE.FI",
            FullName = $"Äijälä Öystilä {i}", SecurityStamp = Guid.NewGuid().ToString(),
        }));
        await db.SaveChangesAsync();
    }

    private static async Task ImportAsync(IServiceProvider services, string coordinatorId, int count, string prefix)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A cohort of an organisation, as a coordinator's are: the import then puts everyone in it, with an audit entry each.
        var organisation = db.Organisations.Add(new RemoteGuidanceTraining.Web.Organisations.Organisation { Name = $"Organisaatio {prefix}", Region = "lappi" }).Entity;
        await db.SaveChangesAsync();
        var cohort = new Cohort { Name = prefix, CourseId = "etaohjauksen-perusteet", CreatedByUserId = coordinatorId, OrganisationId = organisation.Id };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        var rows = Enumerable.Range(0, count).Select(i => new RosterRow(i + 2, $"{prefix}{i}@example.fi", $"Äijälä Öystilä {i}", null)).ToList();
        var summary = await scope.ServiceProvider.GetRequiredService<CohortImporter>()
            .ImportAsync(cohort, new CoordinatorScope(true, [], [], db.CohortMembers), rows);
        if (summary.Invited != count || await db.CohortMembers.CountAsync(m => m.CohortId == cohort.Id) != count
            || await db.Users.CountAsync(u => u.OrganisationId == organisation.Id) != count)
        {
            throw new InvalidOperationException($"Expected {count} invited, got {summary.Invited}.");
        }
    }
}
