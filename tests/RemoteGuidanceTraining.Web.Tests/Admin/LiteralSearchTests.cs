using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Certificates;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Admin;

/// <summary>What is typed into a search box is text: <c>%</c> and <c>_</c> match only themselves, not any characters.</summary>
public sealed class LiteralSearchTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Percent_and_underscore_typed_into_a_search_find_only_those_characters()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var literal = await PersonAsync($"a_b{tag}@example.fi", $"Rivi {tag}_50% alennus");
        var lookalike = await PersonAsync($"axb{tag}@example.fi", $"Rivi {tag}x500 alennus");
        var admin = await TestUsers.CreateAsync(site.Services, $"admin-{Guid.NewGuid():N}@example.fi", "Anna Admin", Roles.Admin);
        using (var scope = site.Services.CreateScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            audit.Record(AuditActions.RolesChanged, literal.Id, actorUserId: admin.Id);
            audit.Record(AuditActions.RolesChanged, lookalike.Id, actorUserId: admin.Id);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var client = site.CreateBrowserLikeClient();
        await client.SignInAsync(admin.Email!, TestUsers.Password);
        async Task<string> GetAsync(string url, string typed) => WebUtility.HtmlDecode(await client.GetStringAsync(url + Uri.EscapeDataString(typed)));

        // A name (users, certificates, the audit log's person) and an address (users, the audit log's person).
        foreach (var typed in new[] { $"{tag}_50%", $"a_b{tag}" })
        {
            var users = await GetAsync("/Admin/Users?q=", typed);
            Assert.Contains(literal.FullName, users);
            Assert.DoesNotContain(lookalike.FullName, users);
            Assert.Contains("1 merkintä.", await GetAsync("/Admin/Audit?person=", typed));
        }

        var certificates = await GetAsync("/Coordination/Certificates?q=", $"{tag}_50%");
        Assert.Contains(literal.FullName, certificates);
        Assert.DoesNotContain(lookalike.FullName, certificates);
        // A backslash is text too, not an escape character of the search.
        Assert.DoesNotContain(literal.FullName, await GetAsync("/Admin/Users?q=", $"{tag}\\_50%"));
    }

    private async Task<AppUser> PersonAsync(string email, string name)
    {
        var person = await TestUsers.CreateAsync(site.Services, email, name);
        using var scope = site.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueAsync(person, VerifyPageTests.Course, DateTime.UtcNow, null, "Issued");
        return person;
    }
}
