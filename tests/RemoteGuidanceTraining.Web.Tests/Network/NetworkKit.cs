using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Network;

/// <summary>Joins the network over HTTP as the profile form does (checkboxes post repeated names) and reads the database.</summary>
public static partial class NetworkKit
{
    public sealed record Practitioner(
        string DisplayName, string Home, string[] Served, string[] Languages, string[] Channels,
        string Contact = "ohjaus@example.fi", string Title = "Opinto-ohjaaja", string Organisation = "Lapin ohjauspalvelut",
        string[]? Services = null, string[]? Trainings = null, string? OtherLanguages = null);

    public static async Task<int> MunicipalityIdAsync(IServiceProvider services, string code) =>
        await DbAsync(services, db => db.NetworkMunicipalities.Where(m => m.Code == code).Select(m => m.Id).SingleAsync());

    public static async Task<T> DbAsync<T>(IServiceProvider services, Func<AppDbContext, Task<T>> action)
    {
        using var scope = services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task<List<KeyValuePair<string, string>>> FieldsAsync(IServiceProvider services, Practitioner p)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.DisplayName", p.DisplayName), new("Input.Title", p.Title), new("Input.Organisation", p.Organisation),
            new("Input.HomeMunicipalityId", (await MunicipalityIdAsync(services, p.Home)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.PublicContact", p.Contact), new("Input.OtherLanguages", p.OtherLanguages ?? ""),
        };
        foreach (var code in p.Served)
        {
            fields.Add(new("Input.Served", (await MunicipalityIdAsync(services, code)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        fields.AddRange((p.Services ?? ["career"]).Select(s => new KeyValuePair<string, string>("Input.Services", s)));
        fields.AddRange(p.Languages.Select(l => new KeyValuePair<string, string>("Input.Languages", l)));
        fields.AddRange((p.Trainings ?? []).Select(t => new KeyValuePair<string, string>("Input.Trainings", t)));
        var all = new[] { "phone", "chat", "video", "email", "face" };
        for (var i = 0; i < all.Length; i++)
        {
            fields.Add(new($"Input.Channels[{i}].Code", all[i]));
            if (p.Channels.Contains(all[i]))
            {
                fields.Add(new($"Input.Channels[{i}].Offered", "true"));
                fields.Add(new($"Input.Channels[{i}].Hours", "ma–pe 9–15"));
            }
        }

        return fields;
    }

    /// <summary>Posts the profile form (with its anti-forgery token) and returns the response.</summary>
    public static async Task<HttpResponseMessage> PostProfileAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var page = await client.GetStringAsync("/Network/Profile");
        var token = FormPoster.TokenIn(page) ?? "";
        var body = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(handler is null ? "/Network/Profile" : $"/Network/Profile?handler={handler}", new FormUrlEncodedContent(body));
    }

    public static async Task JoinAsync(IServiceProvider services, HttpClient client, Practitioner p)
    {
        var response = await PostProfileAsync(client, await FieldsAsync(services, p));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Joining failed: {response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<HttpClient> SignedInAsync(TestSite site, string email, string name, params string[] roles)
    {
        await TestUsers.CreateAsync(site.Services, email, name, roles);
        var client = site.CreateBrowserLikeClient();
        await client.SignInAsync(email, TestUsers.Password);
        return client;
    }

    /// <summary>A valid certificate for a person, written straight to the table (issuing is tested elsewhere).</summary>
    public static Task<string> CertificateAsync(IServiceProvider services, string email, string courseId, string title, string code) =>
        DbAsync(services, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            db.Certificates.Add(new Certificate
            {
                SerialNumber = $"RGT-2026-{code}", VerificationCode = code, UserId = user.Id, CourseId = courseId, FullName = user.FullName,
                CourseTitle = title, Credits = 5, Hours = 135, CompletedAtUtc = DateTime.UtcNow, CompletedOn = new DateOnly(2026, 11, 1),
                IssuerName = "Testiverkosto", SignatoryName = "Allekirjoittaja", ContentVersion = "1", PdfSha256 = "x",
            });
            await db.SaveChangesAsync();
            return user.Id;
        });

}
