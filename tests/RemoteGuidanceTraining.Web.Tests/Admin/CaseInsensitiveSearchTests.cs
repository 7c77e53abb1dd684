using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Tests.Certificates;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Admin;

/// <summary>Names are found whatever the case of every letter, ä, ö and å included, on SQLite and PostgreSQL.</summary>
public sealed class CaseInsensitiveSearchTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task Users_and_certificates_are_found_by_a_name_typed_in_either_case()
    {
        var person = await TestUsers.CreateAsync(site.Services, $"oona-{Guid.NewGuid():N}@example.fi", "Oona Äijälä-Öhman");
        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueAsync(person, VerifyPageTests.Course, DateTime.UtcNow, null, "Issued");
        }

        var admin = await TestUsers.CreateAsync(site.Services, $"admin-{Guid.NewGuid():N}@example.fi", "Anna Admin", Roles.Admin);
        var client = site.CreateBrowserLikeClient();
        await client.SignInAsync(admin.Email!, TestUsers.Password);

        foreach (var typed in new[] { "äijälä-öhman", "ÄIJÄLÄ", "öhman", "OONA äijälä" })
        {
            Assert.Contains("Oona Äijälä-Öhman", WebUtility.HtmlDecode(await client.GetStringAsync($"/Admin/Users?q={Uri.EscapeDataString(typed)}")));
            Assert.Contains("Oona Äijälä-Öhman", WebUtility.HtmlDecode(await client.GetStringAsync($"/Coordination/Certificates?q={Uri.EscapeDataString(typed)}")));
        }

        Assert.DoesNotContain("Oona Äijälä-Öhman", WebUtility.HtmlDecode(await client.GetStringAsync("/Admin/Users?q=öhmann")));
    }
}
