using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Email;

/// <summary>The unsent-mail page (/Coordination/Mail) lists at most <see cref="OutboxReview.MaxListed"/> messages and says how many there are.</summary>
public sealed class UnsentMailPageTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_list_longer_than_the_page_shows_says_how_many_are_unsent_and_which_are_shown()
    {
        // Found in review: with more than the page lists, the rest were silently missing.
        var organisation = $"Organisaatio {Guid.NewGuid():N}";
        var person = await TestUsers.CreateAsync(site.Services, $"p-{Guid.NewGuid():N}@example.fi", "Pirjo Postiton");
        await TestOrganisations.JoinAsync(site.Services, person.Id, organisation);
        await FailedMailsAsync(person.Email!, OutboxReview.MaxListed + 2);
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(site, organisation);

        var page = await coordinator.GetStringAsync("/Coordination/Mail");

        Assert.Contains($"Lähettämättömiä viestejä: {OutboxReview.MaxListed + 2}.", page);
        Assert.Contains($"Alla näkyy niistä {OutboxReview.MaxListed}", page);
    }

    [Fact]
    public async Task A_short_list_says_its_count_without_a_cap_notice()
    {
        var organisation = $"Organisaatio {Guid.NewGuid():N}";
        var person = await TestUsers.CreateAsync(site.Services, $"p-{Guid.NewGuid():N}@example.fi", "Pekka Postiton");
        await TestOrganisations.JoinAsync(site.Services, person.Id, organisation);
        await FailedMailsAsync(person.Email!, 2);
        var (coordinator, _) = await TestUsers.SignedInCoordinatorAsync(site, organisation);

        var page = await coordinator.GetStringAsync("/Coordination/Mail");

        Assert.Contains("Lähettämättömiä viestejä: 2.", page);
        Assert.DoesNotContain("Alla näkyy niistä", page);
    }

    // Failed messages: delivery leaves them alone until someone retries, so the count holds while the test reads it.
    private async Task FailedMailsAsync(string to, int count)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = $"<{Guid.NewGuid():N}@example.fi>", ToAddress = to, Subject = $"Viesti {i}", Category = "test",
                CreatedAtUtc = now.AddSeconds(i), NextAttemptAtUtc = now.AddDays(1), Attempts = 8, LastError = "550 mailbox unavailable", FailedAtUtc = now,
            });
        }

        await db.SaveChangesAsync();
    }
}
