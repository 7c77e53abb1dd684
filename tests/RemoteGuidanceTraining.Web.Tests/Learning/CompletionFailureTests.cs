using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// Only a unique-index violation means "another request recorded it first" (a completion, a lesson done, a quiz
/// result, an enrolment). Any other database error while recording it (a value too long for its column, a lost
/// connection) fails the request, so it is logged and seen, instead of the write being silently never stored.
/// </summary>
public sealed class CompletionFailureTests : IDisposable
{
    private readonly LearningSite _learning = new();
    private readonly FailingInsert _failure = new();
    private readonly WebApplicationFactory<Program> _site;

    public CompletionFailureTests() => _site = _learning.Site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton(_failure);
        services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<FailingInsert>()));
        services.ConfigureDbContext<Web.Data.Postgres.PostgresAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<FailingInsert>()));
    }));

    public void Dispose()
    {
        _site.Dispose();
        _learning.Dispose();
    }

    [Fact]
    public async Task A_database_error_other_than_a_duplicate_fails_the_last_request_and_the_next_one_records_the_completion()
    {
        var p = await ParticipantAsync();
        await p.AnswerQuizAsync("b");
        await p.TaskAsync(LearningSite.LongAnswer, submit: true);
        await p.DoneAsync("alku/kanavat");

        _failure.Armed = "CourseCompletions";
        var failed = await p.DoneAsync("alku/oma-tyo");

        Assert.True(_failure.Fired);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.CourseCompletions.CountAsync(c => c.UserId == p.UserId)));
        Assert.Equal(0, await CountAsync(db => db.Certificates.CountAsync(c => c.UserId == p.UserId)));

        // With the database well again, the participant's next write completes the course.
        _failure.Armed = null;
        var again = await p.DoneAsync("alku/oma-tyo");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await CountAsync(db => db.CourseCompletions.CountAsync(c => c.UserId == p.UserId)));
        Assert.Equal(1, await CountAsync(db => db.Certificates.CountAsync(c => c.UserId == p.UserId)));
    }

    [Theory]
    [InlineData("LessonCompletions")]
    [InlineData("QuizResults")]
    public async Task A_database_error_other_than_a_duplicate_fails_a_lesson_done_or_a_quiz_answer_instead_of_losing_it(string table)
    {
        var p = await ParticipantAsync();

        _failure.Armed = table;
        var failed = table == "QuizResults" ? await p.AnswerQuizAsync("b") : await p.DoneAsync("alku/kanavat");

        Assert.True(_failure.Fired);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode); // not "saved" with nothing saved
    }

    private async Task<LearningSite.Participant> ParticipantAsync()
    {
        var email = $"p-{Guid.NewGuid():N}@example.fi";
        var user = await TestUsers.CreateAsync(_site.Services, email, "Pia Osallistuja");
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(TestSite.BaseUrl) });
        await client.SignInAsync(email, TestUsers.Password);
        await client.PostFormAsync("/courses/kurssi?handler=Enrol", new Dictionary<string, string>(), formUrl: "/courses/kurssi");
        return new LearningSite.Participant(client, user.Id, email);
    }

    private async Task<int> CountAsync(Func<AppDbContext, Task<int>> query)
    {
        using var scope = _site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>While armed with a table, an insert into it fails as PostgreSQL fails a value too long for its column.</summary>
    private sealed class FailingInsert : DbCommandInterceptor
    {
        public string? Armed { get; set; }

        public bool Fired { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(DbCommand command)
        {
            if (Armed is { } table && command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal))
            {
                Fired = true;
                throw new InvalidOperationException("Simulated: 22001: value too long for type character varying(40)");
            }
        }
    }
}
