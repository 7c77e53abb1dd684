using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Tests.Infrastructure;

/// <summary>Organisations, memberships and coordinator scopes set up the way an admin would, through the directory.</summary>
public static class TestOrganisations
{
    /// <summary>The organisation of that name (created if missing); the person becomes a verified member.</summary>
    public static async Task<int> JoinAsync(IServiceProvider services, string userId, string organisation, string? region = null)
    {
        var id = await EnsureAsync(services, organisation, region);
        await WithDirectoryAsync(services, d => d.SetMembershipAsync(userId, id));
        return id;
    }

    /// <summary>Makes the person a member of the organisation and gives them exactly that organisation as their coordinator scope.</summary>
    public static async Task<int> CoordinateAsync(IServiceProvider services, string userId, string organisation, string? region = null)
    {
        var id = await JoinAsync(services, userId, organisation, region);
        await WithDirectoryAsync(services, d => d.SetScopeAsync(userId, [id], [], "test-admin"));
        return id;
    }

    public static async Task<int> EnsureAsync(IServiceProvider services, string organisation, string? region = null)
    {
        await WithDirectoryAsync(services, d => d.CreateAsync(organisation, region));
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
    }

    private static async Task WithDirectoryAsync(IServiceProvider services, Func<OrganisationDirectory, Task<string?>> action)
    {
        using var scope = services.CreateScope();
        var error = await action(scope.ServiceProvider.GetRequiredService<OrganisationDirectory>());
        if (error is not null and not "Orgs.Duplicate")
        {
            throw new InvalidOperationException(error);
        }
    }
}
