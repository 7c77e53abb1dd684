using Microsoft.AspNetCore.Identity;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Accounts;

public static class AccountLookup
{
    /// <summary>
    /// The account an admin can act on, tracked for a change: null for an unknown id and for the stub a deleted account
    /// leaves, so both answer "not found" alike and nothing (a role, a closing, an organisation) is given to a stub.
    /// </summary>
    public static async Task<AppUser?> FindAccountAsync(this UserManager<AppUser> users, string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null || AccountDeletion.IsStub(user) ? null : user;
    }
}
