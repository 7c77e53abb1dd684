using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Privacy;
using RemoteGuidanceTraining.Web.Tests.Privacy;

namespace RemoteGuidanceTraining.Web.Tests.Authoring;

/// <summary>The privacy notice says a deleted person's name is deleted: the course files' history keeps only "a deleted user".</summary>
public sealed class WorkspaceAuthorDeletionTests : IDisposable
{
    private const string Lesson = "01-alku/01-kanavat.md";
    private readonly WorkspaceSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_deleted_trainers_name_leaves_the_files_history_which_says_a_deleted_user_saved_it()
    {
        var leaving = await _site.TrainerAsync(WorkspaceSite.Editor);
        var fields = await WorkspaceSite.EditorFieldsAsync(leaving, "kurssi", Lesson);
        fields["Text"] = fields["Text"].Replace("Tekstiä kanavista.", "Lähtevän kouluttajan muutos.");
        await WorkspaceSite.SaveAsync(leaving, "kurssi", fields);
        Assert.Contains("Tiina Kouluttaja", await leaving.GetStringAsync($"/Trainer/Courses/kurssi/history?path={Lesson}"));

        using (var scope = _site.Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(WorkspaceSite.Editor);
            await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteAsync(user!, user!.Id);
        }

        Assert.Empty(await DatabaseSearch.ColumnsContainingAsync(_site.Site.DataFolder, "Tiina Kouluttaja"));
        var admin = await _site.TrainerAsync("admin@example.fi", Roles.Admin);
        var history = await admin.GetStringAsync($"/Trainer/Courses/kurssi/history?path={Lesson}");
        Assert.Contains("poistettu käyttäjä", history);
        Assert.Contains("poistettu käyttäjä", await admin.GetStringAsync("/Trainer/Courses"));
        Assert.Equal(2, await _site.RevisionsAsync("kurssi", Lesson));
    }
}
