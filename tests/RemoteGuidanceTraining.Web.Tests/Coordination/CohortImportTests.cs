using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

public sealed class CohortImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_large_roster_creates_enrols_and_invites_everyone_new_and_enrols_existing_accounts()
    {
        var existing = await TestUsers.CreateAsync(_site.Services, "olemassa@example.fi", "Olli Olemassa");
        var rows = Enumerable.Range(0, 2000).Select(i => new RosterRow(i + 2, $"uusi{i}@example.fi", $"Uusi {i} Äijälä", null))
            .Append(new RosterRow(2002, "OLEMASSA@example.fi", null, null))
            .Append(new RosterRow(2003, "uusi5@EXAMPLE.fi", null, null)) // the same new person twice
            .ToList();
        var codes = new Dictionary<string, string>();
        int cohortId;
        CohortImporter.ImportSummary summary;
        var clock = Stopwatch.StartNew();
        using (var scope = _site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cohort = new Cohort { Name = "Syksy", CourseId = "etaohjauksen-perusteet", CreatedByUserId = existing.Id };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            cohortId = cohort.Id;
            summary = await scope.ServiceProvider.GetRequiredService<CohortImporter>().ImportAsync(cohort, rows, (user, code) =>
            {
                codes[user.Email!] = code;
                return $"https://example.fi/invite/{user.Id}/{code}";
            });
        }

        output.WriteLine($"2,002 rows imported in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(2000, summary.Invited);
        Assert.Equal(1, summary.Enrolled); // the existing account; the repeated new address is one new person
        using var check = _site.Services.CreateScope();
        var data = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2001, await data.CohortMembers.CountAsync(m => m.CohortId == cohortId));
        Assert.Equal(2001, await data.Enrollments.CountAsync(e => e.CourseId == "etaohjauksen-perusteet"));
        Assert.Equal(2000, await data.OutboxMessages.CountAsync(m => m.Category == "account"));
        Assert.Equal(2001, await data.UserRoles.CountAsync());

        // An invited person's link works: the token made before the account row existed resets the password.
        var users = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var invited = await users.FindByEmailAsync("uusi1999@example.fi");
        Assert.NotNull(invited);
        Assert.Equal("Uusi 1999 Äijälä", invited.FullName);
        Assert.True(await users.IsInRoleAsync(invited, "Participant"));
        var token = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(codes["uusi1999@example.fi"]));
        Assert.True((await users.ResetPasswordAsync(invited, token, "uusi-salasana-123")).Succeeded);
    }
}
