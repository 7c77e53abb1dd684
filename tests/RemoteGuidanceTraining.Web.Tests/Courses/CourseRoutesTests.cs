using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Courses;

/// <summary>The links the course engine writes into lessons lead to the routes the site really has.</summary>
public sealed class CourseRoutesTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public void The_engines_lesson_links_are_the_lesson_pages_route()
    {
        _ = site.CreateClient(); // builds the host and its endpoints
        var links = site.Services.GetRequiredService<LinkGenerator>();

        var page = links.GetPathByPage("/Courses/Lesson", values: new { courseId = "kurssi", moduleId = "alku", lessonId = "eka" });

        Assert.Equal("/courses/kurssi/alku/eka", page);
        Assert.Equal(page, CourseRoutes.Urls.Lesson("kurssi", "alku", "eka"));
    }

    [Fact]
    public void Kept_lesson_paths_follow_the_requests_path_base()
    {
        _ = site.CreateClient();
        var links = site.Services.GetRequiredService<LessonLinks>();
        var first = site.Services.GetRequiredService<CatalogHolder>().Current.Courses.First();
        var (course, lesson) = (first.Id, first.Lessons.First());

        var plain = links.PathOf(new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = site.Services }, course, lesson);
        var based = links.PathOf(new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = site.Services, Request = { PathBase = "/koulutus" } }, course, lesson);

        Assert.Equal(CourseRoutes.Urls.Lesson(course, lesson.ModuleId, lesson.Id), plain);
        Assert.Equal("/koulutus" + plain, based);
    }

    [Fact]
    public async Task The_engines_media_links_are_served()
    {
        var catalog = site.Services.GetRequiredService<CatalogHolder>().Current;
        var html = string.Concat(catalog.Courses.SelectMany(c => c.Lessons).Select(l => l.Html));
        var media = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/courses/[^\"]+/media/[^\"]+)\"");
        Assert.True(media.Success, "a shipped lesson has an image");

        var response = await site.CreateClient().GetAsync(System.Net.WebUtility.HtmlDecode(media.Groups[1].Value));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Links the pages build with asp-page / Url.Page come out as the addresses people know.</summary>
public sealed class PageLinkTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task The_verify_form_leads_to_the_bare_verify_address_also_from_a_codes_own_page()
    {
        var html = await site.CreateClient().GetStringAsync("/verify/ABCD-EFGH-JKMN");

        Assert.Contains("<form method=\"get\" action=\"/verify\"", html);
        Assert.Contains("<a href=\"/courses\">", html);
    }
}
