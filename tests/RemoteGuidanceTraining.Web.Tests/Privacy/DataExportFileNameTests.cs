using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

/// <summary>The data export's file is named by the Finnish day it was made on, as every other date the person sees.</summary>
public sealed class DataExportFileNameTests
{
    [Fact]
    public async Task An_export_made_just_after_midnight_in_Helsinki_is_named_by_the_Helsinki_day()
    {
        // Found in review: the name took the UTC day, so an export at 00.30 Finnish time was named after yesterday.
        // 22.30 UTC is already the next day in Helsinki in winter (00.30) and in summer (01.30). Today's, so the
        // sign-in cookie stays valid for the test client.
        var at = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(22.5), TimeSpan.Zero);
        var clock = new FakeTimeProvider(at);
        using var site = new TestSite();
        using var faked = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await TestUsers.CreateAsync(faked.Services, "vienti@example.fi", "Veera Vienti");
        var client = faked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(TestSite.BaseUrl) });
        await client.SignInAsync("vienti@example.fi", TestUsers.Password);

        var response = await client.PostFormAsync("/Account/Manage/Data", new Dictionary<string, string>());

        var helsinkiDay = at.UtcDateTime.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"my-data-{helsinkiDay}.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }
}
