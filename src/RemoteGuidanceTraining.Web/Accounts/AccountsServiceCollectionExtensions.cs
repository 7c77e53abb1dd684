using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>Looking up verification codes; generous for people, slow for guessing.</summary>
    public const string VerifyRateLimit = "verify";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SecurityOptions>(SecurityOptions.Section);
        var security = SettingsBinding.Read<SecurityOptions>(configuration, SecurityOptions.Section);
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = AccountAddress.Characters; // the address is the user name
                // Length over character classes (NIST SP 800-63B): easier to remember, harder to guess.
                options.Password.RequiredLength = AccountLimits.PasswordMinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "rgt.auth";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        services.AddMemoryCache();
        services.AddScoped<SessionValidation>();
        services.AddScoped<AccountSetup>();
        services.AddScoped<EmailChange>();

        // The cookie is re-checked against the database this often, so role changes and locked accounts take effect soon.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Coordination, policy => policy.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Training, policy => policy.RequireRole(Roles.Trainer, Roles.Admin));

        // Per client address: slows password guessing across accounts, which lockout alone does not.
        var permitsPerMinute = security.SignInAttemptsPerMinute;
        services.AddSingleton(_ => new RequestRateLimits(new Dictionary<string, Func<HttpContext, RateLimitPartition<string>>>
        {
            [SignInRateLimit] = context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("read"),
            [VerifyRateLimit] = context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute * 6, Window = TimeSpan.FromMinutes(1) }),
        }));

        services.AddScoped<AccountMails>();
        services.AddScoped<PasswordLinks>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<CertificateNameCheck>();
        services.AddScoped<SignInAbility>();
        services.AddScoped<RoleChanges>();
        services.AddScoped<AccountSuspension>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Creates the four roles on a fresh database; safe to run at every start.</summary>
    public static async Task SeedRolesAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
