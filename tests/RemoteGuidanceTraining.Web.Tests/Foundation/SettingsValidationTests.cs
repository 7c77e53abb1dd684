using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Foundation;

/// <summary>A wrong Mail or Security setting stops the start with a message naming it, instead of failing later on a send or a sign-in.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("StartTSL")]
    [InlineData("ssl")]
    [InlineData("7")]
    [InlineData("2")] // a defined value's number: before, the binder took it for Auto
    public void An_unknown_SMTP_security_name_stops_the_start_naming_the_setting(string value)
    {
        using var data = new TempFolder();

        var error = Assert.Throws<StartupException>(() => Build(data, $"--Mail:Smtp:Security={value}"));

        Assert.Contains("Mail:Smtp:Security", error.Message);
        Assert.Contains("StartTls, SslOnConnect, Auto, None", error.Message);
    }

    [Theory]
    [InlineData("starttls", SmtpSecurity.StartTls)]
    [InlineData("Tls", SmtpSecurity.SslOnConnect)]
    [InlineData("None", SmtpSecurity.None)]
    public async Task Known_SMTP_security_names_are_read_whatever_their_case(string value, SmtpSecurity expected)
    {
        using var data = new TempFolder();
        await using var app = Build(data, $"--Mail:Smtp:Security={value}");

        Assert.Equal(expected, app.Services.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Security);
    }

    [Theory]
    [InlineData("Mail:MaxAttempts", "0", "Mail:MaxAttempts")]
    [InlineData("Mail:Smtp:Port", "70000", "Mail:Smtp:Port")]
    [InlineData("Mail:LeaseSeconds", "0", "Mail:LeaseSeconds")]
    [InlineData("Security:MaxFailedSignIns", "0", "Security:MaxFailedSignIns")]
    [InlineData("Security:SignInAttemptsPerMinute", "-1", "Security:SignInAttemptsPerMinute")]
    [InlineData("Security:EvenResponseMilliseconds", "-1", "Security:EvenResponseMilliseconds")]
    [InlineData("Privacy:Retention:AuditMonths", "0", "Privacy:Retention:AuditMonths")]
    public async Task An_out_of_range_setting_stops_the_start_naming_it(string setting, string value, string named)
    {
        using var data = new TempFolder();
        await using var app = Build(data, $"--{setting}={value}");

        var error = await Assert.ThrowsAsync<StartupException>(() => StartChecks.RunAsync(app.Services));

        Assert.Contains(named, error.Message);
    }

    private static WebApplication Build(TempFolder data, string setting) =>
        SiteBuilder.Build([$"--contentRoot={RepoPaths.WebProject}", $"--App:DataFolder={data.Path}",
            "--App:PublicBaseUrl=https://koulutus.example.fi", "--AllowedHosts=koulutus.example.fi", setting]);
}
