using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Coordination;

/// <summary>
/// The same list sent twice at once (a double click, two tabs) or again later: each person gets one account, one
/// membership and one invitation mail; only the import that invited them mails them.
/// </summary>
public sealed class CohortImportTwiceTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private TestSite Site => _learning.Site;

    public void Dispose() => _learning.Dispose();

    private static readonly string[] _people = Enumerable.Range(1, 10).Select(i => $"kahdesti{i}@example.fi").ToArray();

    [Fact]
    public async Task A_typed_list_posted_twice_at_once_invites_each_person_once()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var typed = string.Join('\n', _people);

        var posts = await Task.WhenAll(TypedAsync(coordinator, cohort, typed), TypedAsync(coordinator, cohort, typed));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        await AssertInvitedOnceAsync(cohort);
    }

    [Fact]
    public async Task A_roster_file_uploaded_twice_at_once_invites_each_person_once()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var file = System.Text.Encoding.UTF8.GetBytes("email;name\n" + string.Join('\n', _people.Select(p => $"{p};Nimi {p[..9]}")) + "\n");

        var posts = await Task.WhenAll(UploadAsync(coordinator, cohort, file), UploadAsync(coordinator, cohort, file));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.StatusCode));
        await AssertInvitedOnceAsync(cohort);
    }

    [Fact]
    public async Task A_list_sent_again_later_mails_no_one_whose_invitation_is_on_its_way_and_says_they_are_in_the_cohort()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await TypedAsync(coordinator, cohort, string.Join('\n', _people))).StatusCode);

        var again = await TypedAsync(coordinator, cohort, string.Join('\n', _people));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("10 oli jo ryhmässä.", await coordinator.GetStringAsync(again.Headers.Location!.OriginalString));
        await AssertInvitedOnceAsync(cohort);
    }

    [Fact]
    public async Task An_address_that_gets_its_account_elsewhere_during_the_import_is_invited_without_an_error()
    {
        // Another cohort's import (or a registration) creates the account between this import's check and its insert.
        var meanwhile = new AccountCreatedMeanwhile(_people[3]);
        using var site = Site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(meanwhile));
            services.ConfigureDbContext<Web.Data.Postgres.PostgresAppDbContext>(options => options.AddInterceptors(meanwhile));
        }));
        meanwhile.Services = site.Services;
        var (coordinator, cohort) = await CoordinatorWithCohortAsync(site);
        meanwhile.Armed = true;

        var response = await TypedAsync(coordinator, cohort, string.Join('\n', _people));

        Assert.True(meanwhile.Fired);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertInvitedOnceAsync(cohort);
    }

    [Fact]
    public async Task An_invitation_an_import_left_held_when_it_died_is_mailed_once_by_the_next_import_and_not_again()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var typed = string.Join('\n', _people);
        Assert.Equal(HttpStatusCode.Redirect, (await TypedAsync(coordinator, cohort, typed)).StatusCode);
        await LeaveInvitationsHeldAsync(cohort);

        Assert.Equal(HttpStatusCode.Redirect, (await TypedAsync(coordinator, cohort, typed)).StatusCode);
        await AssertInvitedOnceAsync(cohort);
        await AssertNoneHeldAsync(cohort);

        Assert.Equal(HttpStatusCode.Redirect, (await TypedAsync(coordinator, cohort, typed)).StatusCode);
        await AssertInvitedOnceAsync(cohort);
    }

    // What an import whose process died between its batches and its release leaves: accounts, invited members, and
    // invitations held (never due, never sent). Copies under new ids, so a send under way cannot mark them sent.
    private async Task LeaveInvitationsHeldAsync(int cohort)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var subjects = await InvitationSubjectsAsync(db, cohort);
        var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.SubjectType == CohortMails.InvitationSubjectType && subjects.Contains(m.SubjectId!)).ToListAsync();
        Assert.Equal(_people.Length, mails.Count);
        await db.OutboxMessages.Where(m => m.SubjectType == CohortMails.InvitationSubjectType && subjects.Contains(m.SubjectId!)).ExecuteDeleteAsync();
        db.OutboxMessages.AddRange(mails.Select(m => new Web.Email.OutboxMessage
        {
            MessageId = m.MessageId, ToAddress = m.ToAddress, Subject = m.Subject, Category = m.Category, SubjectType = m.SubjectType,
            SubjectId = m.SubjectId, Mime = m.Mime, CreatedAtUtc = m.CreatedAtUtc, NextAttemptAtUtc = Held,
        }));
        await db.SaveChangesAsync();
    }

    private static readonly DateTime Held = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private async Task AssertNoneHeldAsync(int cohort)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var subjects = await InvitationSubjectsAsync(db, cohort);
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => subjects.Contains(m.SubjectId!) && m.NextAttemptAtUtc == Held));
    }

    private static async Task<List<string>> InvitationSubjectsAsync(AppDbContext db, int cohort) =>
        (await db.Users.Where(u => _people.Contains(u.Email!)).Select(u => u.Id).ToListAsync())
            .Select(id => CohortMails.InvitationSubjectId(cohort, id)).ToList();

    private async Task AssertInvitedOnceAsync(int cohort)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var address in _people)
        {
            var userId = await db.Users.Where(u => u.Email == address).Select(u => u.Id).SingleAsync();
            Assert.Equal(1, await db.CohortMembers.CountAsync(m => m.CohortId == cohort && m.UserId == userId));
            var subject = CohortMails.InvitationSubjectId(cohort, userId);
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.SubjectType == CohortMails.InvitationSubjectType && m.SubjectId == subject));
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ToAddress == address));
        }
    }

    private static Task<HttpResponseMessage> TypedAsync(HttpClient coordinator, int cohort, string typed) =>
        coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed", new Dictionary<string, string> { ["typed"] = typed },
            formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

    private static Task<HttpResponseMessage> UploadAsync(HttpClient coordinator, int cohort, byte[] file) =>
        coordinator.PostMultipartAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Upload", new Dictionary<string, object> { ["file"] = file },
            formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

    private async Task<(HttpClient Client, int Cohort)> CoordinatorWithCohortAsync(WebApplicationFactory<Program>? through = null)
    {
        var user = await TestUsers.CreateAsync(Site.Services, "koordinaattori@example.fi", "Kirsi Koordinaattori", Roles.Coordinator);
        await TestOrganisations.CoordinateAsync(Site.Services, user.Id, "Organisaatio A");
        var client = (through ?? Site).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(TestSite.BaseUrl) });
        await client.SignInAsync(user.Email!, TestUsers.Password);
        var response = await client.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kevät 2027", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return (client, int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Once armed, creates an unconfirmed account for the address before the next transaction begins: the import's first write.</summary>
    private sealed class AccountCreatedMeanwhile(string address) : DbTransactionInterceptor
    {
        public IServiceProvider? Services { get; set; }

        public bool Armed { get; set; }

        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(System.Data.Common.DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                (Armed, Fired) = (false, true);
                using var scope = Services!.CreateScope();
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
                Assert.True((await users.CreateAsync(new AppUser { UserName = address, Email = address, FullName = "Toisen ryhmän kutsuma" })).Succeeded);
            }

            return result;
        }
    }
}
