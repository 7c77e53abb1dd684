using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Learning;

/// <summary>
/// Operators alert on Error. A race the site handles (two requests enrolling the same person at once: the second
/// insert meets the unique index) is normal and logs no Error; a database error nobody handles still logs one,
/// with its exception, from the exception handler.
/// </summary>
public sealed class RaceLoggingTests : IDisposable
{
    private readonly LearningSite _learning = new();
    private readonly OtherRequestFirst _race = new();
    private readonly ListLoggerProvider _logs = new();
    private readonly WebApplicationFactory<Program> _site;

    public RaceLoggingTests() => _site = _learning.Site.WithWebHostBuilder(builder => builder
        .ConfigureLogging(logging => logging.AddProvider(_logs))
        .ConfigureTestServices(services =>
        {
            services.AddSingleton(_race);
            services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<OtherRequestFirst>()));
            services.ConfigureDbContext<Web.Data.Postgres.PostgresAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<OtherRequestFirst>()));
        }));

    public void Dispose()
    {
        _site.Dispose();
        _learning.Dispose();
    }

    [Fact]
    public async Task An_enrolment_that_another_request_wrote_first_is_a_redirect_and_logs_no_error()
    {
        var client = await SignedInAsync();
        _race.Armed = true;

        var enrol = await client.PostFormAsync("/courses/kurssi?handler=Enrol", new Dictionary<string, string>(), formUrl: "/courses/kurssi");

        Assert.True(_race.Fired);
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.Empty(_logs.Messages.Where(m => m.Level >= LogLevel.Error).Select(m => m.Text));
    }

    [Fact]
    public async Task A_database_error_nobody_handles_is_still_logged_as_an_error_with_its_exception()
    {
        var client = await SignedInAsync();
        _race.Broken = true;

        var enrol = await client.PostFormAsync("/courses/kurssi?handler=Enrol", new Dictionary<string, string>(), formUrl: "/courses/kurssi");

        Assert.True(_race.Fired);
        Assert.Equal(HttpStatusCode.InternalServerError, enrol.StatusCode);
        Assert.Contains(_logs.Messages, m => m.Level == LogLevel.Error && m.Exception is not null
            && m.Text.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var email = $"p-{Guid.NewGuid():N}@example.fi";
        await TestUsers.CreateAsync(_site.Services, email, "Pia Osallistuja");
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(TestSite.BaseUrl) });
        await client.SignInAsync(email, TestUsers.Password);
        return client;
    }

    /// <summary>
    /// Once armed, runs the next enrolment insert once more just before it, as a second request would: the site's own
    /// insert then meets the unique index. Once broken, sends the next enrolment insert to a table that does not
    /// exist: a database error that is not a race.
    /// </summary>
    private sealed class OtherRequestFirst : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public bool Broken { get; set; }

        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await RunFirstAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await RunFirstAsync(command, cancellationToken);
            return result;
        }

        private async Task RunFirstAsync(DbCommand command, CancellationToken cancellationToken)
        {
            if (!command.CommandText.Contains("INSERT INTO \"Enrollments\"", StringComparison.Ordinal))
            {
                return;
            }

            if (Broken)
            {
                (Broken, Fired) = (false, true);
                command.CommandText = command.CommandText.Replace("INSERT INTO \"Enrollments\"", "INSERT INTO \"NoSuchTable\"", StringComparison.Ordinal);
                return;
            }

            if (!Armed)
            {
                return;
            }

            Armed = false;
            Fired = true;
            await using var other = command.Connection!.CreateCommand();
            other.Transaction = command.Transaction;
            other.CommandText = command.CommandText;
            foreach (DbParameter parameter in command.Parameters)
            {
                var copy = other.CreateParameter();
                (copy.ParameterName, copy.DbType, copy.Value) = (parameter.ParameterName, parameter.DbType, parameter.Value);
                other.Parameters.Add(copy);
            }

            await other.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
