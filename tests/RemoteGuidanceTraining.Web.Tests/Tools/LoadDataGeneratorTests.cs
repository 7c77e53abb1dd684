using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tools;

namespace RemoteGuidanceTraining.Web.Tests.Tools;

/// <summary>generate-data makes confirmed accounts whose password the README prints: never into a live database by accident.</summary>
public sealed class LoadDataGeneratorTests
{
    [Fact]
    public async Task Refuses_a_database_that_already_has_accounts_in_one_line_and_adds_nobody()
    {
        using var site = new TestSite();
        await TestUsers.CreateAsync(site.Services, "oikea.ihminen@example.fi");
        var output = new StringWriter();

        var exit = await LoadDataGenerator.RunAsync(site.Services, ["generate-data", "--participants", "5", "--courses", "1"], output);

        Assert.Equal(1, exit);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("already has 1 account(s)", line);
        Assert.Contains(LoadDataGenerator.IntoExistingDatabase, line);
        Assert.Equal(1, await AccountsAsync(site));
    }

    [Fact]
    public async Task Fills_a_database_with_accounts_when_told_to_explicitly()
    {
        using var site = new TestSite();
        await TestUsers.CreateAsync(site.Services, "oikea.ihminen@example.fi");

        var exit = await LoadDataGenerator.RunAsync(site.Services,
            ["generate-data", "--participants", "5", "--courses", "1", LoadDataGenerator.IntoExistingDatabase], new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal(6, await AccountsAsync(site));
    }

    [Fact]
    public async Task A_second_run_into_the_same_database_adds_people_after_the_ones_it_made_before()
    {
        // Before, the second run made osallistuja0@example.fi again and stopped on the unique address.
        using var site = new TestSite();
        string[] again = ["generate-data", "--participants", "3", "--courses", "1", LoadDataGenerator.IntoExistingDatabase];
        await LoadDataGenerator.RunAsync(site.Services, again, new StringWriter());

        var output = new StringWriter();
        var exit = await LoadDataGenerator.RunAsync(site.Services, again, output);

        Assert.Equal(0, exit);
        Assert.Equal(6, await AccountsAsync(site));
        Assert.Contains("osallistuja3@example.fi – osallistuja5@example.fi", output.ToString());
    }

    [Fact]
    public async Task Fills_an_empty_database()
    {
        using var site = new TestSite();

        Assert.Equal(0, await LoadDataGenerator.RunAsync(site.Services, ["generate-data", "--participants", "5", "--courses", "1"], new StringWriter()));
        Assert.Equal(5, await AccountsAsync(site));
    }

    [Fact]
    public async Task Generated_people_belong_to_listed_organisations_and_a_completer_downloads_a_real_certificate()
    {
        // Before, generated people carried an organisation's name without the organisation (so no coordinator of it
        // saw them), and a generated certificate downloaded as an empty file. Run as the operator runs it: a command
        // builds no request pipeline, and the certificate's verification link needs the pages' routes.
        using var site = new TestSite();
        _ = site.Services; // the site made and migrated the database, as before any command
        string[] database = TestDatabase.IsPostgres
            ? ["--Database:Provider=Postgres", $"--ConnectionStrings:Default={TestDatabase.ConnectionString(site.DataFolder)}"] : [];
        var (exitCode, output, error) = await SiteCommand.RunAsync(site.DataFolder,
            ["generate-data", "--participants", "20", "--courses", "1", "--environment=Development", $"--App:DataFolder={site.DataFolder}", .. database]);
        Assert.True(exitCode == 0, output + error);

        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var members = await (from u in db.Users join o in db.Organisations on u.OrganisationId equals o.Id where u.Organisation == o.Name select u.Id).CountAsync();
        Assert.Equal(20, members);
        var certificate = await db.Certificates.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        var email = await db.Users.Where(u => u.Id == certificate.UserId).Select(u => u.Email!).SingleAsync();
        var client = site.CreateBrowserLikeClient();
        await client.SignInAsync(email, "generated-password");

        var pdf = await client.GetByteArrayAsync($"/my-studies?handler=Certificate&id={certificate.Id}");

        var text = PdfTexts.Of(pdf);
        Assert.Contains(certificate.FullName.Split(' ')[^1], text);
        Assert.Contains(certificate.SerialNumber, text);
        Assert.StartsWith("RGT-", certificate.SerialNumber);
    }

    [Theory]
    [InlineData("--participants", "many")]
    [InlineData("--participants", "-5")]
    [InlineData("--participants", "0")]
    [InlineData("--courses", "kolme")]
    [InlineData("--participants")]
    public async Task A_count_that_is_not_a_whole_number_above_zero_is_a_usage_error(params string[] options)
    {
        using var site = new TestSite();
        var output = new StringWriter();

        var exit = await LoadDataGenerator.RunAsync(site.Services, ["generate-data", .. options], output);

        Assert.Equal(2, exit);
        Assert.Contains($"{options[0]} takes a whole number above zero", output.ToString());
        Assert.Contains("Usage: generate-data", output.ToString());
        Assert.Equal(0, await AccountsAsync(site));
    }

    [Fact]
    public async Task The_switch_for_an_existing_database_does_not_swallow_the_setting_after_it()
    {
        // Before, --App:DataFolder=… after the switch became the switch's value, and the data went to the default folder.
        using var data = new TempFolder();

        await using var app = SiteBuilder.Build(["generate-data", LoadDataGenerator.IntoExistingDatabase,
            $"--App:DataFolder={data.Path}", $"--contentRoot={RepoPaths.WebProject}",
            "--App:PublicBaseUrl=https://koulutus.example.fi", "--AllowedHosts=koulutus.example.fi"]);

        Assert.Equal(Path.GetFullPath(data.Path), app.Services.GetRequiredService<AppPaths>().DataFolder);
    }

    private static async Task<int> AccountsAsync(TestSite site)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }
}
