using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web.Certificates;

/// <summary>
/// Absolute links that leave the site: every link in a mail and on a certificate. They are built from
/// App:PublicBaseUrl only, never from the request's Host header, which an attacker controls (a forged Host would
/// otherwise put a genuine reset token into a link to their own server). Outside Development the site does not
/// start without the setting (see <see cref="AppOptionsValidation"/>); in Development it defaults to the dev address.
/// </summary>
public sealed class PublicUrls(IOptions<AppOptions> options, LinkGenerator links)
{
    public const string DevelopmentBaseUrl = "http://localhost:5080";

    public string BaseUrl => string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
        ? DevelopmentBaseUrl
        : options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The public check of a certificate, printed on it and mailed with it.</summary>
    public string Verification(string code) => Page("/Verify/Index", new { code });

    public string Course(string courseId) => Page("/Courses/Course", new { courseId });

    public string Lesson(string courseId, string moduleId, string lessonId, string? fragment = null) =>
        Page("/Courses/Lesson", new { courseId, moduleId, lessonId }, fragment);

    /// <summary>Where someone with an account accepts or declines the cohorts they are invited to.</summary>
    public string Invitations() => Page("/Account/Invitations");

    /// <summary>An absolute link to a Razor page, e.g. Page("/Account/SetPassword", new { userId, code }).</summary>
    public string Page(string page, object? values = null, string? fragment = null)
    {
        var path = links.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to page {page}.");
        return BaseUrl + path + (fragment is null ? "" : "#" + fragment);
    }
}
