using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>Bad input gets a clear answer and loses nothing, never a 500 (issue 10, "Bad input and integrity").</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly LearningSite _learning = new();

    private TestSite Site => _learning.Site;

    public void Dispose() => _learning.Dispose();

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-1")]
    public async Task A_garbled_remember_me_on_the_sign_in_form_is_read_as_unticked_not_a_500(string value)
    {
        var response = await Site.CreateBrowserLikeClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "x@example.fi", ["Input.Password"] = "vaara-salasana-123", ["Input.RememberMe"] = value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sähköpostiosoite tai salasana on väärä", page);
        Assert.Contains("value=\"x@example.fi\"", page);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[null]")]
    [InlineData("[{\"Row\":2,\"Email\":\"a@example.fi\\nBcc: x@example.fi\",\"FullName\":null,\"Organisation\":null}]")]
    [InlineData("[{\"Row\":2}]")]
    [InlineData("")]
    public async Task Malformed_rows_on_import_valid_get_a_message_not_a_500(string rows)
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var response = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=ImportValid",
            new Dictionary<string, string> { ["rows"] = rows }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("Tuotavien rivien lista oli virheellinen") || html.Contains("ei ole sähköpostiosoite"), html[..Math.Min(html.Length, 300)]);
    }

    [Theory]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01")]
    [InlineData("from=9999-12-31&to=9999-12-31&page=2147483647")]
    public async Task Report_dates_out_of_range_give_a_message_not_a_500(string query)
    {
        var (coordinator, _) = await CoordinatorWithCohortAsync();
        foreach (var handler in new[] { "", "&handler=Csv", "&handler=Xlsx" })
        {
            var response = await coordinator.GetAsync($"/Coordination/Reports?course=kurssi&{query}{handler}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains("Päivämäärä jätettiin pois", await coordinator.GetStringAsync($"/Coordination/Reports?course=kurssi&{query}"));
    }

    [Fact]
    public async Task The_import_error_list_shows_the_first_hundred_and_counts_the_rest()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var typed = string.Join('\n', Enumerable.Range(1, 150).Select(i => $"ei-osoite-{i}"));
        var response = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = typed }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(100, System.Text.RegularExpressions.Regex.Matches(html, "ei ole sähköpostiosoite").Count);
        Assert.Contains("ja 50 muuta virhettä", html);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/courses/kurssi/x/y/z")]
    [InlineData("/wp-admin.php")]
    [InlineData("/courses/nonexistent/a/b")]
    [InlineData("/courses/kurssi/xx/yy")]
    [InlineData("/courses/kurssi/peer/1")]
    [InlineData("/courses/kurssi/alku/vertaiset/peer/ei-tehtava")]
    [InlineData("/courses/kurssi/alku/kanavat/peer/kanavavisa")]
    [InlineData("/courses/kurssi/muu/vertaiset/peer/vertaispalaute")]
    [InlineData("/courses/luonnos/osa/tunti")]
    public async Task Anonymous_requests_to_unknown_addresses_get_404_not_the_sign_in_page(string url)
    {
        // The lesson and peer pages' routes match any course, module and lesson; a draft is "not found" to all but its editors.
        WriteDraftAndPeerTask();
        var participant = await _learning.ParticipantAsync();

        var response = await Site.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.Client.GetAsync(url)).StatusCode); // the same answer as signed in
    }

    [Theory]
    [InlineData("/courses/kurssi/alku/kanavat")]
    [InlineData("/courses/kurssi/muu/kanavat")] // moved to another module: signed in, a permanent redirect
    [InlineData("/courses/kurssi/alku/vertaiset/peer/vertaispalaute")]
    [InlineData("/courses/rikki/osa/tunti")] // failed to load: its enrolled participants are told it is temporarily unavailable
    public async Task Anonymous_requests_to_real_lessons_go_to_sign_in_and_back(string url)
    {
        WriteDraftAndPeerTask();

        var response = await Site.CreateBrowserLikeClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.OriginalString);
    }

    private void WriteDraftAndPeerTask()
    {
        _learning.Write("kurssi/01-alku/03-vertaiset.md", "---\ntitle: Vertaiset\nminutes: 10\n---\n\n::: task vertaispalaute minlength=20 peer=1\nKuvaa.\n:::\n");
        _learning.Write("luonnos/course.yml", "title: Luonnos\nsummary: K.\nlanguage: fi\ncredits: 1\nhours: 27\nstatus: draft\neditors:\n  - kouluttaja@example.fi\noutcomes:\n  - O.\n");
        _learning.Write("luonnos/01-osa/module.yml", "title: Osa\n");
        _learning.Write("luonnos/01-osa/01-tunti.md", "---\ntitle: Tunti\nminutes: 10\n---\n\nTekstiä.\n");
        _learning.Write("rikki/course.yml", "title: \"Rikki\nsummary: K.\n");
        _learning.Reload();
        var catalog = Site.Services.GetRequiredService<Web.Courses.CatalogHolder>().Current;
        Assert.True(catalog.Find("luonnos")?.IsDraft, "the draft course did not load");
        Assert.NotNull(catalog.Find("kurssi")?.FindLesson("vertaiset")?.Tasks.SingleOrDefault(t => t.Peer == 1));
        Assert.NotNull(catalog.FindUnavailable("rikki"));
    }

    [Theory]
    [InlineData("/verkosto", "/verkosto")]
    [InlineData("/courses/kurssi", "/courses/kurssi")]
    [InlineData("/courses/kurssi?handler=Nothing", "/courses/kurssi")]
    public async Task A_post_that_no_handler_answers_gets_404_not_a_500(string url, string formUrl)
    {
        // Razor Pages renders the page without running any handler when none matches, so its model is never loaded.
        var response = await Site.CreateBrowserLikeClient().PostFormAsync(url, new Dictionary<string, string>(), formUrl);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/courses/%20")]
    [InlineData("/courses/%09")]
    [InlineData("/courses/%20/m/l")]
    [InlineData("/courses/%20/x/y/peer/z")]
    [InlineData("/courses/%20/media/x.svg")]
    public async Task A_blank_course_in_the_address_is_not_found_not_a_500(string url)
    {
        // A segment of only blanks binds as a null course id.
        var participant = await _learning.ParticipantAsync();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var response = await participant.Client.SendAsync(new HttpRequestMessage(method, url));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url} gave {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_post_without_a_form_is_refused_with_a_message_not_a_500()
    {
        // Handlers that read Request.Form themselves threw on a body that is not a form (or no body at all).
        var participant = await _learning.ParticipantAsync();
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var posts = new[]
        {
            (participant.Client, "/courses/kurssi/alku/kanavat?handler=Quiz&quizId=kanavavisa", "/courses/kurssi/alku/kanavat"),
            (coordinator, $"/Coordination/Cohorts/Cohort/{cohort}?handler=Remind", $"/Coordination/Cohorts/Cohort/{cohort}"),
        };
        foreach (var (client, url, formUrl) in posts)
        {
            foreach (var body in new HttpContent?[] { null, System.Net.Http.Json.JsonContent.Create(new { audience = "all" }) })
            {
                var response = await client.PostWithTokenHeaderAsync(url, body, formUrl);

                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} gave {response.StatusCode}");
                Assert.Contains("Lomakkeen tietoja ei voitu lukea", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(0, await _learning.DbAsync(db => db.QuizAttempts.CountAsync()));
    }

    [Fact]
    public async Task Signed_in_posts_that_no_handler_answers_get_404_not_a_500()
    {
        var participant = await _learning.ParticipantAsync();
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await participant.Client.PostFormAsync("/courses/kurssi/alku/kanavat", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostFormAsync("/Coordination/Reports?course=kurssi", new Dictionary<string, string>())).StatusCode);
        // A page without handlers of its own still just renders; a GET naming no handler of the page runs its OnGet.
        Assert.Equal(HttpStatusCode.OK, (await participant.Client.GetAsync("/Account/Lockout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await participant.Client.GetAsync("/courses/kurssi/alku/kanavat?handler=Nothing")).StatusCode);
    }

    [Fact]
    public async Task Control_characters_are_dropped_from_fields_whichever_way_they_arrive()
    {
        // PostgreSQL cannot store NUL in text: a NUL sent as multipart, in a query or in an imported file was a 500 there.
        var client = Site.CreateBrowserLikeClient();
        var registered = await client.PostMultipartAsync("/Account/Register", new Dictionary<string, object>
        {
            ["Input.FullName"] = "Nelli\u0000 Nul\u0007kka", ["Input.Email"] = "nelli@example.fi", ["Input.Organisation"] = "Rivi\r\nvaihto\tsarkain",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var nelli = await _learning.DbAsync(db => db.Users.SingleAsync(u => u.Email == "nelli@example.fi"));
        Assert.Equal("Nelli Nulkka", nelli.FullName);
        Assert.Equal("Rivi\r\nvaihto\tsarkain", nelli.SelfReportedOrganisation); // line breaks and tabs stay

        var admin = await TestUsers.CreateAsync(Site.Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var adminClient = Site.CreateBrowserLikeClient();
        await adminClient.SignInAsync(admin.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/Admin/Users?q=nel%00li")).StatusCode);

        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var upload = await coordinator.PostMultipartAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Upload",
            new Dictionary<string, object> { ["file"] = System.Text.Encoding.UTF8.GetBytes("email;name\nnul@example.fi;Nuu\0tti\n") },
            formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal("Nuutti", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "nul@example.fi").Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task A_nul_typed_into_a_profile_form_is_dropped_and_the_rest_saved()
    {
        var pia = await _learning.ParticipantAsync("pia.nul@example.fi");

        var saved = await pia.Client.PostFormAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Päivi\u0000 Ärväs", ["Input.Organisation"] = "", ["Input.PreferredLanguage"] = "fi",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Päivi Ärväs", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "pia.nul@example.fi").Select(u => u.FullName).SingleAsync()));
    }

    [Fact]
    public async Task Del_c1_controls_noncharacters_and_lone_surrogates_are_dropped_too()
    {
        // XML cannot hold U+FFFF or a lone surrogate: a name saved with one made the report's XLSX a 500.
        var pia = await _learning.ParticipantAsync("pia.ffff@example.fi");
        var saved = await pia.Client.PostFormAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Pia \uFFFF Part\u007Fici\u0085pant\uFFFE", ["Input.Organisation"] = "", ["Input.PreferredLanguage"] = "fi",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Pia  Participant", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "pia.ffff@example.fi").Select(u => u.FullName).SingleAsync()));

        // The rows posted back on import are JSON, where escapes carry any character.
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var import = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=ImportValid", new Dictionary<string, string>
        {
            ["rows"] = "[{\"Row\":2,\"Email\":\"surri@example.fi\",\"FullName\":\"Sur\\u007fri \\u009fSurrogaatti\\uffff\",\"Organisation\":null}]",
        }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.True(import.StatusCode == HttpStatusCode.Redirect, await import.Content.ReadAsStringAsync());
        Assert.Equal("Surri Surrogaatti", await _learning.DbAsync(db => db.Users.Where(u => u.Email == "surri@example.fi").Select(u => u.FullName).SingleAsync()));
        // A UTF-8 form or JSON cannot carry a lone surrogate, but a string built in code can: a pair stays whole.
        Assert.Equal("Sur\U0001F600ri", Web.Security.ControlCharacters.Without("Sur\uD83D\uDE00ri\uDE00\uD800"));
    }

    [Fact]
    public async Task An_imported_address_too_long_to_be_a_name_gets_a_name_that_fits()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var address = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".fi"; // 250 characters

        var import = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = address }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");

        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode); // PostgreSQL refused a 250-character name with a 500
        Assert.Equal(address[..200], await _learning.DbAsync(db => db.Users.Where(u => u.Email == address).Select(u => u.FullName).SingleAsync()));
    }

    [Theory]
    [InlineData("/Admin/Audit?to=9999-12-31")]
    [InlineData("/Admin/Audit?from=0001-01-01&handler=Csv")]
    public async Task Audit_log_dates_out_of_range_are_ignored_with_a_message_not_a_500(string url)
    {
        var admin = await TestUsers.CreateAsync(Site.Services, "admin@example.fi", "Anna Admin", Roles.Admin);
        var client = Site.CreateBrowserLikeClient();
        await client.SignInAsync(admin.Email!, TestUsers.Password);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (!url.Contains("Csv", StringComparison.Ordinal))
        {
            Assert.Contains("vuodet 2000–2200", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Anonymous_requests_to_real_pages_still_need_sign_in()
    {
        var response = await Site.CreateBrowserLikeClient().GetAsync("/my-studies");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Saving_a_draft_after_submitting_keeps_the_submitted_answer()
    {
        var participant = await _learning.ParticipantAsync();
        await participant.TaskAsync(LearningSite.LongAnswer, submit: true);

        var draft = await participant.TaskAsync("lyhyt", submit: false);

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Contains("Olet jo palauttanut tehtävän", await draft.Content.ReadAsStringAsync());
        var stored = await _learning.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.TaskAnswers));
        Assert.Equal(LearningSite.LongAnswer, stored.Text);
        Assert.NotNull(stored.SubmittedAtUtc);
    }

    [Fact]
    public async Task A_double_clicked_first_save_of_a_task_answer_gives_no_500()
    {
        var participant = await _learning.ParticipantAsync();
        var saves = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => participant.TaskAsync(LearningSite.LongAnswer, submit: false)));

        Assert.All(saves, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal(1, await _learning.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.TaskAnswers)));
    }

    [Fact]
    public async Task Overlong_fields_are_refused_with_a_message()
    {
        var (coordinator, cohort) = await CoordinatorWithCohortAsync();
        var longName = await coordinator.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = new string('x', 201), ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        Assert.Equal(HttpStatusCode.OK, longName.StatusCode);

        var longAddress = new string('a', 65) + "@example.fi"; // RFC 5321: a local part is at most 64 characters
        var import = await coordinator.PostFormAsync($"/Coordination/Cohorts/Cohort/{cohort}?handler=Typed",
            new Dictionary<string, string> { ["typed"] = $"{longAddress};{new string('n', 201)}" }, formUrl: $"/Coordination/Cohorts/Cohort/{cohort}");
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Contains("Rivi 1", await import.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forwarded_for_headers_from_an_unlisted_client_cannot_dodge_the_rate_limit()
    {
        await using var site = await KestrelSite.StartAsync(new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "2" });
        using var client = site.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var form = await client.GetStringAsync("/Account/Login");
            var token = FormPoster.TokenIn(form) ?? "";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = "x@example.fi", ["Input.Password"] = "whatever-password", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("App:PublicBaseUrl", "")]
    [InlineData("App:PublicBaseUrl", "koulutus.example.fi")]
    [InlineData("AllowedHosts", "*")]
    public async Task Outside_development_the_site_does_not_start_without_a_public_address_and_real_host_names(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => KestrelSite.StartAsync(new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void A_data_folder_that_cannot_be_written_stops_the_start_with_one_line_naming_it()
    {
        using var folder = new TempFolder();
        var notAFolder = Path.Combine(folder.Path, "app-data");
        File.WriteAllText(notAFolder, "a file where the data folder should be");

        // The other settings a start outside Development needs: they are checked before the data folder.
        var error = Assert.Throws<StartupException>(() => SiteBuilder.Build([$"--contentRoot={RepoPaths.WebProject}", $"--App:DataFolder={notAFolder}",
            "--App:PublicBaseUrl=https://koulutus.example.fi", "--AllowedHosts=koulutus.example.fi"]));

        Assert.Contains(notAFolder, error.Message);
    }

    [Fact]
    public async Task Health_is_unhealthy_while_the_database_cannot_be_written()
    {
        var client = Site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await using var blocker = await MakeUnwritableAsync(Site.DataFolder);

        // Within a monitor's patience (load balancers give a probe 5–10 s): waiting out SQLite's busy timeout and
        // Microsoft.Data.Sqlite's retries, a locked database answered after 30 s.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"/health answered after {watch.Elapsed.TotalSeconds:0.0} s.");
        if (!TestDatabase.IsPostgres)
        {
            await blocker.DisposeAsync(); // the other writer lets go
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

            // The check's shorter wait is its own: the connection it used waits as long as before for the site's writes.
            await Site.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                Assert.NotEqual(2, db.Database.GetCommandTimeout()); // the pooled context the check used, most likely
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA busy_timeout";
                Assert.Equal(10_000L, (long)(await command.ExecuteScalarAsync())!);
            });
        }
    }

    /// <summary>
    /// SQLite: another process holds the write lock (the site waits its busy timeout, then gives up). PostgreSQL: the
    /// database is switched to read-only transactions. To the site both look like a read-only or full disk.
    /// </summary>
    private static async Task<IAsyncDisposable> MakeUnwritableAsync(string dataFolder)
    {
        if (TestDatabase.IsPostgres)
        {
            var name = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString(dataFolder)).Database!;
            var admin = TestDatabase.ServerConnection();
            await admin.OpenAsync();
            await using (var command = new Npgsql.NpgsqlCommand($"ALTER DATABASE \"{name}\" SET default_transaction_read_only = on", admin))
            {
                await command.ExecuteNonQueryAsync();
            }

            Npgsql.NpgsqlConnection.ClearAllPools();
            return admin;
        }

        var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataFolder, "app.db")};Pooling=False");
        await other.OpenAsync();
        await using (var command = other.CreateCommand())
        {
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync();
        }

        return other;
    }

    private async Task<(HttpClient Client, int Cohort)> CoordinatorWithCohortAsync()
    {
        var (client, _) = await TestUsers.SignedInCoordinatorAsync(Site, "Organisaatio A");
        var response = await client.PostFormAsync("/Coordination/Cohorts", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ryhmä", ["Input.CourseId"] = "kurssi", ["Input.StartsOn"] = "2026-12-01", ["Input.EndsOn"] = "2027-03-01",
        });
        return (client, int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
