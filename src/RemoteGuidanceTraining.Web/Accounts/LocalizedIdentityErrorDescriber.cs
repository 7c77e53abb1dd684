using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>Identity's own messages are English only; the ones a user can meet come from our resources.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["Identity.DuplicateEmail", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["Identity.DuplicateEmail", userName]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Identity.InvalidEmail"]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Identity.InvalidEmail"]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["Identity.InvalidToken"]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["Identity.PasswordMismatch"]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), t["Identity.PasswordTooSimple"]);

    /// <summary>A save that lost to another change of the same account (two tabs, two admins at once).</summary>
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), t["Identity.ConcurrencyFailure"]);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Identity.DefaultError"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
