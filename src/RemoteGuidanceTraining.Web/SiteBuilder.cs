using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.WebEncoders;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Audit;
using RemoteGuidanceTraining.Web.Authoring;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Cohorts;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Learning;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Network;
using RemoteGuidanceTraining.Web.Organisations;
using RemoteGuidanceTraining.Web.Pages;
using RemoteGuidanceTraining.Web.Privacy;
using RemoteGuidanceTraining.Web.Reports;
using RemoteGuidanceTraining.Web.Security;
using RemoteGuidanceTraining.Web.Tools;

namespace RemoteGuidanceTraining.Web;

/// <summary>Composes the site: each feature registers itself through its own extension method.</summary>
public static class SiteBuilder
{
    /// <summary>
    /// The commands' switches that take no value. The configuration's command-line reader would take the argument after
    /// one (say --App:DataFolder=…) as its value and drop that setting, so they are left out of the configuration.
    /// </summary>
    private static readonly string[] SwitchesWithoutValue = [LoadDataGenerator.IntoExistingDatabase];

    public static WebApplication Build(string[] args)
    {
        args = ContentRoot.Absolute([.. args.Where(arg => !SwitchesWithoutValue.Contains(arg, StringComparer.Ordinal))]);
        // The application name is fixed so that a host started from another assembly (the browser tests) finds the pages.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot.Default(args),
            ApplicationName = typeof(SiteBuilder).Assembly.GetName().Name,
        });
        var appOptions = SettingsBinding.Read<AppOptions>(builder.Configuration, AppOptions.Section);
        // Checked before anything starts, so that a missing public address stops the site with one line, and before
        // the data folder is made: a refused start leaves nothing behind (a published site's default is outside it).
        var check = new AppOptionsValidation(builder.Environment, builder.Configuration).Validate(null, appOptions);
        if (check.Failed)
        {
            throw new StartupException(string.Join(" ", check.Failures));
        }

        var paths = new AppPaths(builder.Environment.ContentRootPath, appOptions);

        builder.Services.AddSettings<AppOptions>(AppOptions.Section);
        builder.Services.AddSingleton(paths);

        builder.Services.AddAppDatabase(builder.Configuration, paths, builder.Environment.ContentRootPath);
        builder.Services.AddCreationTimes();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseInitializer>());
        builder.Services.AddHealthChecks().AddCheck<DatabaseWriteHealthCheck>("database-writable");
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddEmail(builder.Configuration, paths);
        builder.Services.AddCertificates();
        builder.Services.AddCourses(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddLearning();
        builder.Services.AddTrainerWorkspace();
        builder.Services.AddOrganisations();
        builder.Services.AddAudit();
        builder.Services.AddPrivacy();
        builder.Services.AddCohorts();
        builder.Services.AddReports();
        // Outside Development the site is served over HTTPS only, so its cookies never travel in clear.
        var secureCookies = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = secureCookies);
        builder.Services.ConfigureApplicationCookie(options => options.Cookie.SecurePolicy = secureCookies);
        builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = secureCookies);
        builder.Services.AddSiteLocalization();
        builder.Services.AddNetwork();
        builder.Services.AddSingleton<CookieTempDataProvider>();
        builder.Services.AddSingleton<ITempDataProvider, MessageCookieOnlyWhenNeeded>();
        builder.Services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Roles.Admin);
                options.Conventions.AuthorizeFolder("/Coordination", Policies.Coordination);
                options.Conventions.AuthorizeFolder("/Trainer", Policies.Training);
                options.Conventions.AuthorizeFolder("/Account/Manage");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<UnknownHandlerFilter>();
                options.Filters.Add<FormPostsOnlyFilter>();
                options.Filters.Add<PrivateResponses>();
                options.ModelBinderProviders.Insert(0, new TextModelBinderProvider());
                options.ModelBinderProviders.Insert(0, new CheckboxModelBinderProvider());
                options.ModelBinderProviders.Insert(0, new TypedDateModelBinderProvider());
            })
            // Forms are checked on the server only (no validation script is sent), so the data-val-* attributes helped no
            // one, and MVC's implicit [Required] for a bool, an enum or a date wrote its English message into Finnish forms.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // Every page needs a signed-in user unless it says [AllowAnonymous]: a forgotten attribute fails closed.
        // A request that matched no page at all is let through, so that it gets a plain 404 rather than the sign-in page.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                    || (context.Resource is HttpContext http && http.GetEndpoint() is null))
                .Build());
        // Finnish and Swedish letters are written as they are, not as &#xE4; entities.
        builder.Services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        var forwardedHeaders = builder.Configuration.GetSection("ForwardedHeaders");
        // Read once now as well, so that a proxy written as a host name stops the start, not the first request.
        ForwardedHeadersSetup.Configure(new ForwardedHeadersOptions(), forwardedHeaders);
        builder.Services.Configure<ForwardedHeadersOptions>(options => ForwardedHeadersSetup.Configure(options, forwardedHeaders));

        var app = builder.Build();
        // The host never disposes the web root's file provider, whose watcher (asp-append-version watches the files; in
        // the tests a polling timer) would keep a stopped site in memory for as long as the process lives.
        app.Lifetime.ApplicationStopped.Register(() => (app.Environment.WebRootFileProvider as IDisposable)?.Dispose());
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseMiddleware<HttpsOnly>();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseCookiePolicy();
        app.UseStaticFiles();
        app.UseNulFreeForms();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseMiddleware<RequestRateLimiting>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        // The layout names /favicon.svg; browsers still ask for /favicon.ico where no page names an icon (a PDF, a
        // download), and a 404 there renders the error page and logs a console error each time.
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous();
        app.MapCourseMedia();
        app.MapRazorPages();
    }
}
