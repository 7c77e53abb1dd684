using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>
/// A configuration mistake stops the site with one line saying what to fix and exit code 1, as an operator reads
/// it in a service log, instead of a logged stack trace and an unhandled exception (exit 134).
/// </summary>
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("Database:Provider=Postgress", "Database:Provider 'Postgress'")]
    [InlineData("Database:Provider=Postgres", "ConnectionStrings:Default is empty")]
    [InlineData("Database:Provider=Postgres --ConnectionStrings:Default=Host=db.example.fi;Databse=etaohjaus", "ConnectionStrings:Default is not a valid PostgreSQL connection string")]
    [InlineData("Database:Provider=Postgres --ConnectionStrings:Default=postgres://etaohjaus:secret@db.example.fi/etaohjaus", "not a postgres:// address")]
    [InlineData("Database:Provider=Postgres --ConnectionStrings:Default=Host=db.example.fi;Username=etaohjaus", "must name both Host and Database")]
    [InlineData("Mail:Transport=Smpt", "Mail:Transport 'Smpt'")]
    [InlineData("Mail:FromAddress=noreply", "Mail:FromAddress")]
    [InlineData("Mail:MaxAttempts=0", "Mail:MaxAttempts")]
    [InlineData("Privacy:Retention:MailBodyDays=-1", "Privacy:Retention:MailBodyDays")]
    [InlineData("Security:SignInAttemptsPerMinute=0", "Security:SignInAttemptsPerMinute")]
    [InlineData("ForwardedHeaders:KnownProxies:0=proxy.kunta.fi", "ForwardedHeaders:KnownProxies: 'proxy.kunta.fi' is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks:0=10.0.0.5", "ForwardedHeaders:KnownNetworks: '10.0.0.5'")]
    [InlineData("Courses:Watch=maybe", "Courses:Watch is 'maybe', which is not true or false.")]
    [InlineData("Security:SignInAttemptsPerMinute=abc", "Security:SignInAttemptsPerMinute is 'abc', which is not a whole number.")]
    [InlineData("Privacy:Retention:UnconfirmedAccountDays=abc", "Privacy:Retention:UnconfirmedAccountDays is 'abc', which is not a whole number.")]
    [InlineData("Mail:LeaseSeconds=abc", "Mail:LeaseSeconds is 'abc', which is not a number.")]
    [InlineData("Mail:Smtp:Security=Foo", "Mail:Smtp:Security is 'Foo', which is not one of StartTls, SslOnConnect, Auto, None.")]
    [InlineData("Mail:Smtp:Security=2", "Mail:Smtp:Security is '2', which is not one of StartTls, SslOnConnect, Auto, None.")]
    [InlineData("Mail:Transport=1", "Mail:Transport '1'")]
    [InlineData("Database:Provider=1", "Database:Provider '1' is not one of Sqlite, Postgres.")]
    public async Task A_wrong_setting_stops_the_site_with_one_line_naming_it(string setting, string expected)
    {
        var (exitCode, output, error) = await StartWithAsync(setting);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("The site cannot start: ", error.Trim());
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", output + error);
    }

    [Theory]
    [InlineData("Mail:Smtp:Port=70000", "Mail:Smtp:Port")]
    [InlineData("Mail:Smtp:Port=-1", "Mail:Smtp:Port")]
    [InlineData("Mail:LeaseSeconds=0", "Mail:LeaseSeconds")]
    [InlineData("Mail:LeaseSeconds=-5", "Mail:LeaseSeconds")]
    [InlineData("Mail:Transport=Smtp --Mail:Smtp:Host=", "Mail:Smtp:Host")]
    public async Task A_mail_setting_that_would_never_send_stops_the_site_naming_it(string setting, string named)
    {
        var (exitCode, _, error) = await StartWithAsync(setting);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("The site cannot start: ", error.Trim());
        Assert.Contains(named, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task The_course_check_command_stops_on_an_unconvertible_course_setting_with_one_line()
    {
        using var data = new TempFolder();

        var (exitCode, output, error) = await SiteCommand.RunAsync(data.Path, ["validate-courses", "--Courses:Watch=maybe"]);

        Assert.Equal(1, exitCode);
        Assert.Equal("The site cannot start: Courses:Watch is 'maybe', which is not true or false.", error.Trim());
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_naming_where_it_was_looked_for_without_the_password()
    {
        var (exitCode, output, error) = await StartWithAsync(
            "Database:Provider=Postgres --ConnectionStrings:Default=Host=127.0.0.1;Port=5344;Database=etaohjaus;Username=etaohjaus;Password=not-to-be-printed;Timeout=5");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("The site cannot start: Could not connect to the database (Host=127.0.0.1, Port=5344, Database=etaohjaus, Username=etaohjaus): ", error.Trim());
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("not-to-be-printed", output + error);
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public async Task A_port_in_use_stops_the_site_with_one_line_naming_the_address()
    {
        // Before: "Unhandled exception", exit code 134, and two logged ObjectDisposedExceptions from the completion sweep.
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        using var data = new TempFolder();

        var (exitCode, output, error) = await SiteCommand.RunAsync(data.Path, ["--environment=Development", $"--urls=http://127.0.0.1:{port}", $"--App:DataFolder={data.Path}"]);

        Assert.Equal(1, exitCode);
        Assert.Equal($"The site cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use.", error.Trim());
        Assert.DoesNotContain("Unhandled exception", output + error);
        Assert.DoesNotContain("CompletionSweep", output + error);
    }

    [Fact]
    public async Task A_refused_start_makes_no_data_folder()
    {
        using var parent = new TempFolder();
        var folder = Path.Combine(parent.Path, "ei-viela");

        var (exitCode, _, error) = await SiteCommand.RunAsync(parent.Path, ["--environment=Production", "--urls=http://127.0.0.1:5344", $"--App:DataFolder={folder}"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("App:PublicBaseUrl", error);
        Assert.False(Directory.Exists(folder));
    }

    private static async Task<(int ExitCode, string Output, string Error)> StartWithAsync(string setting)
    {
        using var data = new TempFolder();
        return await SiteCommand.RunAsync(data.Path,
            ["--environment=Development", "--urls=http://127.0.0.1:5342", $"--App:DataFolder={data.Path}", .. $"--{setting}".Split(' ')]);
    }
}
