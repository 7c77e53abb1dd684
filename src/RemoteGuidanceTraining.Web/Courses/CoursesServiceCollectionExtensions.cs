using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;
using RemoteGuidanceTraining.Courses;

namespace RemoteGuidanceTraining.Web.Courses;

public static class CoursesServiceCollectionExtensions
{
    private static readonly FileExtensionContentTypeProvider _contentTypes = new();

    public static IServiceCollection AddCourses(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = SettingsBinding.Read<CourseOptions>(configuration, CourseOptions.Section);
        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.Folder));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new CatalogHolder(folder, options.Watch, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<CatalogHolder>>()));
        services.AddSingleton<LessonLinks>();
        services.AddHostedService<CourseNameRecord>();
        services.AddCourseAddressAuthorization();
        return services;
    }

    /// <summary>The configured courses folder for the validate-courses command, resolved from the same content root as the site's.</summary>
    public static string DefaultFolder(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        var options = SettingsBinding.Read<CourseOptions>(configuration, CourseOptions.Section);
        var contentRoot = configuration["contentRoot"] ?? ContentRoot.Of(AppContext.BaseDirectory);
        return Path.GetFullPath(Path.Combine(contentRoot, options.Folder));
    }

    /// <summary>
    /// /courses/{course}/media/{path}: images and attachments from inside a course folder only, cached by browsers
    /// for an hour and revalidated by their last-modified time. A draft course's media are its editors' only (404 for
    /// everyone else, like the draft itself) and are not kept in shared caches. HEAD is answered too: left to the
    /// lesson page's route, which also matches the address, it was a 405 or the sign-in page. The path is optional so
    /// that an empty one (".../media/" or "module/.." once the dots are resolved) is a plain 404, not a logged
    /// BadHttpRequestException for a missing parameter.
    /// </summary>
    public static void MapCourseMedia(this IEndpointRouteBuilder app) =>
        app.MapMethods(CourseRoutes.Media, [HttpMethods.Get, HttpMethods.Head], (string? courseId, string? path, CatalogHolder catalog, HttpContext context) =>
        {
            var course = catalog.Current.Find(courseId);
            var file = course is null || !DraftAccess.MaySee(context.User, course) ? null : CourseMediaResolver.Resolve(course, path);
            if (file is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = course!.IsDraft ? "private, no-cache" : "public, max-age=3600";
            var contentType = _contentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
            var info = new FileInfo(file);
            return Results.File(file, contentType, lastModified: info.LastWriteTimeUtc,
                entityTag: new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\""), enableRangeProcessing: true);
        }).AllowAnonymous();
}
