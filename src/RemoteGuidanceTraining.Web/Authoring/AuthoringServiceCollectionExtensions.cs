using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Authoring;

public static class AuthoringServiceCollectionExtensions
{
    /// <summary>The trainers' workspace (/Trainer/Courses): its pages sit in Pages/Trainer, behind the Training policy.</summary>
    public static IServiceCollection AddTrainerWorkspace(this IServiceCollection services)
    {
        services.AddScoped<CourseWorkspace>();
        services.AddScoped<EditorResolver>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

/// <summary>Who is editing: the signed-in user's id, e-mail, name and whether they are an admin.</summary>
public sealed class EditorResolver(UserManager<AppUser> users)
{
    public async Task<Editor?> CurrentAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user?.Email is null)
        {
            return null;
        }

        var name = string.IsNullOrWhiteSpace(user.FullName) ? user.Email : user.FullName;
        return new Editor(user.Id, user.Email, name, principal.IsInRole(Roles.Admin));
    }
}
