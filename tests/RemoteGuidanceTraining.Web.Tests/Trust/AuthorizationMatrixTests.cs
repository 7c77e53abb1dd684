using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Trust;

/// <summary>
/// Every page in the route table × every kind of user → allowed or refused, generated from the endpoints the site
/// really has, so a new page cannot be forgotten: it either falls under a folder rule below or the test fails.
/// Data-level rules (a trainer not listed on a course, a coordinator out of scope) have their own tests in
/// ScopeAndMembershipTests, CoordinatorScopeTests and the trainer tests; here a page must at least refuse the role.
/// </summary>
public sealed class AuthorizationMatrixTests(TestSite site) : IClassFixture<TestSite>
{
    private enum Who
    {
        Anonymous,
        Participant,
        Trainer,
        Coordinator,
        Admin,
    }

    /// <summary>Pages anyone may open. A new anonymous page must be added here on purpose.</summary>
    private static readonly HashSet<string> _anonymousPages =
    [
        "/Index", "/Error", "/Language", "/Verify/Index", "/Courses/Index", "/Courses/Course",
        "/Account/Login", "/Account/Logout", "/Account/Register", "/Account/RegisterConfirmation", "/Account/ForgotPassword",
        "/Account/ForgotPasswordConfirmation", "/Account/ResendConfirmation", "/Account/SetPassword", "/Account/Lockout",
        "/Account/AccessDenied", "/Account/ConfirmEmailChange", "/Network/Index", "/Network/Export",
        "/Privacy/Notice", "/Privacy/Accessibility", "/Reminders/Unsubscribe",
    ];

    private static bool Allowed(string page, Who who) => page switch
    {
        _ when _anonymousPages.Contains(page) => true,
        _ when page.StartsWith("/Admin/", StringComparison.Ordinal) || page.StartsWith("/Network/Admin/", StringComparison.Ordinal) => who is Who.Admin,
        _ when page.StartsWith("/Network/Coordination/", StringComparison.Ordinal) => who is Who.Coordinator or Who.Admin,
        _ when page.StartsWith("/Coordination/", StringComparison.Ordinal) => who is Who.Coordinator or Who.Admin,
        _ when page.StartsWith("/Trainer/", StringComparison.Ordinal) => who is Who.Trainer or Who.Admin,
        _ => who is not Who.Anonymous,
    };

    [Fact]
    public async Task Every_page_answers_each_kind_of_user_as_the_folder_rules_say()
    {
        var pages = Pages();
        Assert.True(pages.Count > 25, $"Only {pages.Count} pages found in the route table.");
        var clients = new Dictionary<Who, HttpClient> { [Who.Anonymous] = site.CreateBrowserLikeClient() };
        foreach (var (who, role) in new[] { (Who.Participant, (string?)null), (Who.Trainer, Roles.Trainer), (Who.Coordinator, Roles.Coordinator), (Who.Admin, Roles.Admin) })
        {
            var email = $"{who}-{Guid.NewGuid():N}@example.fi".ToLowerInvariant();
            var user = await TestUsers.CreateAsync(site.Services, email, who.ToString(), role is null ? [] : [role]);
            if (who is Who.Coordinator)
            {
                await TestOrganisations.CoordinateAsync(site.Services, user.Id, "Matriisin organisaatio");
            }

            var client = site.CreateBrowserLikeClient();
            await client.SignInAsync(email, TestUsers.Password);
            clients[who] = client;
        }

        var wrong = new List<string>();
        // Access denied answers 403 to everyone by design: it is the page refusals land on.
        foreach (var (page, url) in pages.Where(p => p.Page != "/Account/AccessDenied"))
        {
            foreach (var (who, client) in clients)
            {
                var response = await client.GetAsync(url);
                var refused = IsRefused(response, who) || (who is Who.Anonymous && page == "/Courses/Peer" && response.StatusCode == HttpStatusCode.NotFound);
                if (refused == Allowed(page, who) || response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    wrong.Add($"{url} as {who}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "Unexpected answers:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task No_handler_accepts_an_anonymous_post_without_a_form_token()
    {
        var client = site.CreateBrowserLikeClient();
        // The error page renders whatever request failed, POSTs included; it changes nothing.
        foreach (var (_, url) in Pages().Where(p => p.Page != "/Error"))
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
                or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests, $"POST {url}: {(int)response.StatusCode}");
        }
    }

    /// <summary>Anonymous: sent to sign in. Signed in: 403 or sent to Access denied. Anything else counts as let in (404 for a made-up id too).</summary>
    private static bool IsRefused(HttpResponseMessage response, Who who)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return who is Who.Anonymous
            ? response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/Login", StringComparison.Ordinal)
            : response.StatusCode == HttpStatusCode.Forbidden
              || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each Razor page from the route table, with made-up values for its route parameters, except the lesson page: it
    /// answers a made-up lesson with 404 even before sign-in, so a real one is asked for. The shipped courses have no
    /// peer task, so the peer page's made-up address is a 404 to everyone (BadInputTests asks a real one anonymously).
    /// </summary>
    private List<(string Page, string Url)> Pages()
    {
        _ = site.CreateClient(); // start the site
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath, Pattern: e.RoutePattern))
            .Where(p => p.Pattern.RawText is not null)
            .GroupBy(p => p.Page).Select(g => g.OrderBy(p => p.Pattern.RawText!.Length).First())
            .Select(p => (p.Page, Url: "/" + string.Join('/', p.Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(x => x.Content == "int") ? "1" : "x",
                _ => "",
            }))))))
            .Select(p => (p.Page, Url: p.Url.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/"))
            .Select(p => p.Page == "/Courses/Lesson" ? (p.Page, Url: RealLessonUrl()) : p)
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .ToList();
    }

    private string RealLessonUrl()
    {
        var course = site.Services.GetRequiredService<Web.Courses.CatalogHolder>().Current.Courses.First(c => !c.IsDraft);
        var lesson = course.Lessons.First();
        return $"/courses/{course.Id}/{lesson.ModuleId}/{lesson.Id}";
    }
}
