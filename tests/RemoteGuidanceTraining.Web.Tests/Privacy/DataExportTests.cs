using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;
using RemoteGuidanceTraining.Web.Tests.Learning;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

public sealed class DataExportTests : IDisposable
{
    private readonly LearningSite _learning = new();

    public void Dispose() => _learning.Dispose();

    [Fact]
    public async Task The_export_holds_every_kind_of_record_of_a_course_run_and_nothing_of_another_user()
    {
        var pia = await PrivacyTestData.FullRunAsync(_learning, "Pia Osallistuja", LearningSite.LongAnswer);
        var olli = await PrivacyTestData.FullRunAsync(_learning, "Olli Muukalainen", "Olli kirjoitti tähän oman vastauksensa, jota kukaan muu ei näe koskaan.");

        var response = await pia.Client.PostFormAsync("/Account/Manage/Data", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.txt", names);
        var json = await ReadAsync(zip, "my-data.json");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(pia.Email, root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Contains("Participant", root.GetProperty("profile").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        foreach (var kind in new[] { "enrolments", "lessonsDone", "quizAttempts", "taskAnswers", "courseCompletions", "cohorts", "certificates", "mail" })
        {
            Assert.True(root.GetProperty(kind).GetArrayLength() > 0, $"{kind} is empty");
        }

        Assert.Equal(2, root.GetProperty("lessonsDone").GetArrayLength());
        Assert.Equal(2, root.GetProperty("quizAttempts").GetArrayLength());
        Assert.Contains("synkroninen", root.GetProperty("quizAttempts")[0].GetProperty("answers").GetRawText());
        var task = root.GetProperty("taskAnswers")[0];
        Assert.Equal(LearningSite.LongAnswer, task.GetProperty("text").GetString());
        Assert.StartsWith("Palaute: Pia", task.GetProperty("feedback").GetString());
        var certificate = root.GetProperty("certificates")[0];
        Assert.Equal("Valid", certificate.GetProperty("status").GetString());
        var pdf = zip.GetEntry(certificate.GetProperty("pdfFile").GetString()!);
        Assert.NotNull(pdf);
        Assert.StartsWith("%PDF", await ReadAsync(zip, pdf.FullName));
        Assert.All(root.GetProperty("mail").EnumerateArray(), m => Assert.Equal(pia.Email, m.GetProperty("to").GetString()));

        // Nothing of Olli: not his address, name, id, answer or feedback, and only one PDF.
        foreach (var foreign in new[] { olli.Email, "Olli Muukalainen", "Muukalainen", olli.UserId, "oman vastauksensa" })
        {
            Assert.DoesNotContain(foreign, json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Single(names, n => n.EndsWith(".pdf", StringComparison.Ordinal));
        var audit = await _learning.DbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.DataExported).ToListAsync());
        Assert.Equal(pia.UserId, Assert.Single(audit).SubjectUserId);
    }

    [Fact]
    public async Task Every_time_in_the_export_is_marked_as_UTC()
    {
        // Before, only exportedAtUtc ended in Z: times read back from SQLite had no zone, and a program opening the file
        // took them for local time, two or three hours off in Finland.
        var pia = await PrivacyTestData.FullRunAsync(_learning, "Pia Osallistuja", LearningSite.LongAnswer);

        var response = await pia.Client.PostFormAsync("/Account/Manage/Data", new Dictionary<string, string>());
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var doc = JsonDocument.Parse(await ReadAsync(zip, "my-data.json"));

        var times = Properties(doc.RootElement).Where(p => p.Name.EndsWith("AtUtc", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String).ToList();
        Assert.True(times.Count > 10, $"{times.Count} times");
        Assert.All(times, p => Assert.True(p.Value.GetString()!.EndsWith('Z'), $"{p.Name}: {p.Value.GetString()}"));
    }

    private static IEnumerable<JsonProperty> Properties(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => (IEnumerable<JsonProperty>)[p, .. Properties(p.Value)]),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Properties),
        _ => [],
    };

    [Fact]
    public async Task The_export_is_a_POST_with_the_anti_forgery_token_and_needs_a_signed_in_user()
    {
        var anonymous = _learning.Site.CreateBrowserLikeClient();
        var page = await anonymous.GetAsync("/Account/Manage/Data");
        Assert.StartsWith("/Account/Login", page.Headers.Location?.PathAndQuery);

        var pia = await _learning.ParticipantAsync();
        var forged = await pia.Client.PostAsync("/Account/Manage/Data", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    private static async Task<string> ReadAsync(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return await reader.ReadToEndAsync();
    }
}
