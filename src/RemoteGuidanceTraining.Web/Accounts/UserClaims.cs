using System.Security.Claims;

namespace RemoteGuidanceTraining.Web.Accounts;

public static class UserClaims
{
    /// <summary>
    /// The signed-in person's id, read from the claim Identity puts it in (<see cref="ClaimTypes.NameIdentifier"/>,
    /// Identity's default UserIdClaimType, which this site does not change; a test holds the two together). Pages
    /// ask this rather than <c>UserManager.GetUserId</c>: a page that only needs the id would otherwise build a
    /// UserManager (its store, validators and four token providers) on every view.
    /// </summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
