using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Privacy;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;
using RemoteGuidanceTraining.Web.Tests.Network;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

public sealed class AccountDeletionTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task Deleting_ones_account_removes_the_personal_data_from_every_table_and_the_certificate_stays_verifiable()
    {
        var pia = await PrivacyTestData.FullRunAsync(_learning, "Pia Poistuja", LearningSite.LongAnswer);
        var olli = await PrivacyTestData.FullRunAsync(_learning, "Olli Jatkaja", "Ollin oma vastaus kanavista, joka jää palveluun hänen tililleen.");
        var code = await _learning.DbAsync(db => db.Certificates.Where(c => c.UserId == pia.UserId).Select(c => c.VerificationCode).SingleAsync());
        Assert.NotEmpty(await DatabaseSearch.ColumnsContainingAsync(_learning.Site.DataFolder, pia.Email));
        // Published on the network under the name the certificate keeps: the profile must go all the same.
        await NetworkKit.JoinAsync(_learning.Site.Services, pia.Client,
            new("Pia Poistuja", "rovaniemi", [], ["fi"], ["phone"], Contact: "pia.palvelu@example.fi", Trainings: ["kurssi"]));
        Assert.Contains("NetworkProfiles.UserId = 1", await RowsKeyedToAsync(pia.UserId));
        var olliRows = await RowsOfAsync(olli.UserId);

        var page = await pia.Client.GetStringAsync("/Account/Manage/Delete");
        Assert.Contains("Myönnetyt todistukset säilyvät nimelläsi", page);
        var wrong = await pia.Client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = "väärä-salasana-1" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Salasana ei ole oikea.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(1, await _learning.DbAsync(db => db.Users.CountAsync(u => u.Email == pia.Email)));

        var deleted = await pia.Client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await DatabaseSearch.ColumnsContainingAsync(_learning.Site.DataFolder, pia.Email));
        Assert.Empty(await DatabaseSearch.ColumnsContainingAsync(_learning.Site.DataFolder, LearningSite.LongAnswer[..40]));
        // The name stays only on the certificate, as the privacy notice says.
        Assert.Equal(["Certificates.FullName"], await DatabaseSearch.ColumnsContainingAsync(_learning.Site.DataFolder, "Pia Poistuja"));
        Assert.False(await DatabaseSearch.FileContainsAsync(_learning.Site.DataFolder, pia.Email));
        var verify = await _learning.Site.CreateClient().GetStringAsync($"/verify/{code}");
        Assert.Contains("Todistus on voimassa.", verify);
        Assert.Contains("Pia Poistuja", verify);
        Assert.Equal(olliRows, await RowsOfAsync(olli.UserId));
        Assert.Empty(await DatabaseSearch.ColumnsContainingAsync(_learning.Site.DataFolder, "pia.palvelu@example.fi"));
        Assert.DoesNotContain("Pia Poistuja", await _learning.Site.CreateClient().GetStringAsync("/verkosto"));
        Assert.Empty(await RowsKeyedToAsync(pia.UserId));

        var again = _learning.Site.CreateBrowserLikeClient();
        var signIn = await again.SignInAsync(pia.Email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var entry = await _learning.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AccountDeleted));
        Assert.Equal((pia.UserId, pia.UserId, "self"), (entry.SubjectUserId, entry.ActorUserId, entry.Details));
    }

    [Fact]
    public async Task Deleting_an_account_removes_the_persons_mail_files_from_the_pickup_folder_and_leaves_the_others()
    {
        var pia = await PrivacyTestData.FullRunAsync(_learning, "Pia Poistuja", LearningSite.LongAnswer);
        var olli = await PrivacyTestData.FullRunAsync(_learning, "Olli Jatkaja", "Ollin oma vastaus kanavista, joka jää palveluun hänen tililleen.");
        var mailbox = _learning.Site.Mailbox;
        // The certificate mails, with their PDFs, are written and marked sent.
        await mailbox.WaitForAsync(pia.Email, m => m.Attachments.Any());
        await mailbox.WaitForAsync(olli.Email, m => m.Attachments.Any());
        await Eventually.TrueAsync(() => _learning.DbAsync(db => db.OutboxMessages.AllAsync(m => m.SentAtUtc != null)), "every mail sent");

        var deleted = await pia.Client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(mailbox.To(pia.Email));
        var files = Directory.GetFiles(Path.Combine(_learning.Site.DataFolder, "mail"));
        Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains(pia.Email, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(mailbox.To(olli.Email), m => m.Attachments.Any());
    }

    [Fact]
    public async Task A_cohort_invitation_mailed_to_an_address_the_person_has_since_changed_goes_with_the_account()
    {
        var pia = await _learning.ParticipantAsync("pia.uusi@example.fi");
        var olli = await _learning.ParticipantAsync("olli@example.fi");
        await _learning.DbAsync(async db =>
        {
            db.OutboxMessages.AddRange(
                Invitation("pia.vanha@example.fi", CohortMails.InvitationSubjectId(7, pia.UserId)),
                Invitation("olli@example.fi", CohortMails.InvitationSubjectId(7, olli.UserId)));
            return await db.SaveChangesAsync();
        });

        var deleted = await pia.Client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(["olli@example.fi"], await _learning.DbAsync(db => db.OutboxMessages
            .Where(m => m.SubjectType == CohortMails.InvitationSubjectType).Select(m => m.ToAddress).ToListAsync()));
    }

    private static OutboxMessage Invitation(string to, string subjectId) => new()
    {
        MessageId = $"<{Guid.NewGuid():N}@example.fi>",
        ToAddress = to,
        Subject = "Kutsu koulutukseen",
        Category = "account",
        SubjectType = CohortMails.InvitationSubjectType,
        SubjectId = subjectId,
        Mime = System.Text.Encoding.UTF8.GetBytes($"To: {to}\r\n\r\nKutsu"),
    };

    [Theory]
    [InlineData("fi", "hänen antamansa vertaispalautteet", "antamasi vertaispalautteet", "säilyvät hänen nimellään", "nimelläsi")]
    [InlineData("sv", "den kamratrespons personen gett", "den kamratrespons du gett", "med personens namn", "med ditt namn")]
    [InlineData("en", "the peer feedback they gave", "the peer feedback you gave", "with the person", "with your name")]
    public async Task The_admin_deletion_page_speaks_of_the_person_not_of_the_admin(string language, string theirs, string yours, string theirName, string yourName)
    {
        await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var admin = _learning.Site.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@example.fi", TestUsers.Password);
        var person = await _learning.ParticipantAsync("tuomas@example.fi", "Tuomas Pyytaja");
        foreach (var client in new[] { admin, person.Client })
        {
            await client.PostFormAsync("/Language", new Dictionary<string, string> { ["culture"] = language, ["returnUrl"] = "/" }, formUrl: "/");
        }

        var adminPage = await admin.GetStringAsync($"/Admin/DeleteUser/{person.UserId}");
        var ownPage = await person.Client.GetStringAsync("/Account/Manage/Delete");

        // The admin deletes someone else's account: told "your name stays" they would read it as their own.
        Assert.Contains(theirs, adminPage);
        Assert.Contains(theirName, adminPage);
        Assert.DoesNotContain(yours, adminPage);
        Assert.DoesNotContain(yourName, adminPage);
        Assert.Contains(yours, ownPage);
        Assert.Contains(yourName, ownPage);
    }

    [Fact]
    public async Task An_admin_deletes_a_person_on_request_only_with_the_confirmation_and_the_audit_log_names_the_admin()
    {
        var admin = await TestUsers.CreateAsync(_learning.Site.Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("admin@example.fi", TestUsers.Password);
        var person = await _learning.ParticipantAsync("tuomas@example.fi", "Tuomas Pyytaja");
        var url = $"/Admin/DeleteUser/{person.UserId}";
        // The facts' headings follow the page's h1 without skipping a level; in My account they sit under its h2.
        var page = await client.GetStringAsync(url);
        Assert.Contains("<h2>Mitä poistetaan</h2>", page);
        Assert.DoesNotContain("<h3>", page);
        Assert.Contains("<h3>Mitä poistetaan</h3>", await person.Client.GetStringAsync("/Account/Manage/Delete"));

        await client.PostFormAsync(url, new Dictionary<string, string>());
        Assert.Equal(1, await _learning.DbAsync(db => db.Users.CountAsync(u => u.Id == person.UserId)));
        var self = await client.PostFormAsync($"/Admin/DeleteUser/{admin.Id}", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, self.StatusCode);
        Assert.Equal(1, await _learning.DbAsync(db => db.Users.CountAsync(u => u.Id == admin.Id)));

        var done = await client.PostFormAsync(url, new Dictionary<string, string> { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        // No certificate: the account row itself goes.
        Assert.Equal(0, await _learning.DbAsync(db => db.Users.CountAsync(u => u.Id == person.UserId)));
        Assert.Empty(await DatabaseSearch.ColumnsContainingAsync(_learning.Site.DataFolder, "tuomas@example.fi"));
        Assert.Empty(await DatabaseSearch.ColumnsContainingAsync(_learning.Site.DataFolder, "Tuomas Pyytaja"));
        var entry = await _learning.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AccountDeleted));
        Assert.Equal((person.UserId, admin.Id), (entry.SubjectUserId, entry.ActorUserId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var participant = await _learning.ParticipantAsync();
        Assert.StartsWith("/Account/AccessDenied", (await participant.Client.GetAsync($"/Admin/DeleteUser/{admin.Id}")).Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_only_admin_cannot_delete_their_own_account_and_deleted_accounts_leave_the_user_list()
    {
        await TestUsers.CreateAsync(_learning.Site.Services, "ainoa@example.fi", "Aino Ainoa", Roles.Admin);
        var client = _learning.Site.CreateBrowserLikeClient();
        await client.SignInAsync("ainoa@example.fi", TestUsers.Password);

        var response = await client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });

        Assert.Contains("ainoa ylläpitäjä", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await _learning.DbAsync(db => db.Users.CountAsync(u => u.Email == "ainoa@example.fi")));
        var pia = await PrivacyTestData.FullRunAsync(_learning, "Pia Lista", LearningSite.LongAnswer);
        await pia.Client.PostFormAsync("/Account/Manage/Delete", new Dictionary<string, string> { ["Password"] = TestUsers.Password });
        Assert.Equal(2, await _learning.DbAsync(db => db.Users.CountAsync()));
        Assert.Contains("Käyttäjiä: 1", await client.GetStringAsync("/Admin/Users"));
    }

    /// <summary>
    /// "Table.Column = n" for each table with a foreign key to the account row that still has rows of the account,
    /// certificates excepted: the stub a certificate keeps must not keep what deleting the row would have cascaded.
    /// </summary>
    private Task<List<string>> RowsKeyedToAsync(string userId) => _learning.DbAsync(async db =>
    {
        var left = new List<string>();
        var keys = db.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Where(k => k.PrincipalEntityType.ClrType == typeof(Data.AppUser) && k.DeclaringEntityType.ClrType != typeof(Web.Certificates.Certificate));
        foreach (var key in keys)
        {
            var table = key.DeclaringEntityType.GetTableName()!;
            var column = key.Properties.Single().GetColumnName();
            // Names from the model, the id as a parameter.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" WHERE \"" + column + "\" = {0}";
            var count = await db.Database.SqlQueryRaw<int>(sql, userId).SingleAsync();
            if (count > 0)
            {
                left.Add($"{table}.{column} = {count}");
            }
        }

        return left;
    });

    private Task<int[]> RowsOfAsync(string userId) => _learning.DbAsync(async db => new[]
    {
        await db.Enrollments.CountAsync(x => x.UserId == userId), await db.LessonCompletions.CountAsync(x => x.UserId == userId),
        await db.QuizAttempts.CountAsync(x => x.UserId == userId), await db.TaskAnswers.CountAsync(x => x.UserId == userId),
        await db.CourseCompletions.CountAsync(x => x.UserId == userId), await db.CohortMembers.CountAsync(x => x.UserId == userId),
        await db.Certificates.CountAsync(x => x.UserId == userId), await db.UserRoles.CountAsync(x => x.UserId == userId),
    });

    [Fact]
    public async Task A_deletion_whose_request_ends_while_its_mail_files_go_still_completes()
    {
        var pia = await PrivacyTestData.FullRunAsync(_learning, "Pia Poistuja", LearningSite.LongAnswer);
        using var tabClosed = new CancellationTokenSource();
        using var scope = _learning.Site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var deletion = new AccountDeletion(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<AuditLog>(),
            new TransportThatEndsTheRequest(services.GetRequiredService<IMailTransport>(), tabClosed));
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(pia.UserId);

        await deletion.DeleteAsync(user!, pia.UserId, tabClosed.Token);

        // Before, the files were gone and the deletion rolled back: the account stayed, its mail no longer on disk.
        Assert.Equal(0, await _learning.DbAsync(db => db.Users.CountAsync(u => u.Email == pia.Email)));
        Assert.Empty(await DatabaseSearch.ColumnsContainingAsync(_learning.Site.DataFolder, pia.Email));
    }

    /// <summary>The person closes the tab just as their mail files are being removed.</summary>
    private sealed class TransportThatEndsTheRequest(IMailTransport inner, CancellationTokenSource request) : IMailTransport
    {
        public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken) => inner.SendAsync(message, cancellationToken);

        public async Task ForgetAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
        {
            await request.CancelAsync();
            await inner.ForgetAsync(messageIds, cancellationToken);
        }
    }
}
