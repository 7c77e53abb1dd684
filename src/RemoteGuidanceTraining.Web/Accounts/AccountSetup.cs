using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Courses;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Localization;
using RemoteGuidanceTraining.Web.Organisations;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// Registering, confirming, resetting: the account use cases behind the anonymous pages. Each answers the same way
/// whether or not an address has an account, so the pages reveal nobody; the mail and the change commit together.
/// </summary>
public sealed class AccountSetup(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, PasswordLinks links,
    AccountMails mails, Memberships memberships, IEnumerable<IPasswordSetHandler> onPasswordSet, CatalogHolder catalog, LinkGenerator paths, OutboxSignal signal)
{
    /// <summary>
    /// A new account has no password until its owner opens the mailed link: whoever registers someone else's
    /// address gets nothing they could sign in with. An address that already has an account gets nothing new,
    /// except a fresh link if it never confirmed; then the latest registration's name, organisation and language
    /// replace the earlier ones (the first to register an address need not be its owner), and the owner still
    /// confirms the name when choosing the password. An account a coordinator invited keeps what the coordinator
    /// typed: an anonymous request does not outrank a signed-in one.
    /// </summary>
    public async Task RegisterAsync(string email, string fullName, string? organisation, string language, CancellationToken cancellationToken = default)
    {
        try
        {
            await RegisterOnceAsync(email, fullName, organisation, language, cancellationToken);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || error.IsUniqueViolation())
        {
            // The same address registered by another request at the same moment (a second tab, a second press on a slow
            // line): that request made the account or changed it and sends the link; this one answers the same.
            db.ChangeTracker.Clear();
        }
    }

    private async Task RegisterOnceAsync(string email, string fullName, string? organisation, string language, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                FullName = fullName,
                SelfReportedOrganisation = organisation,
                PreferredLanguage = Cultures.SpokenOrDefault(language),
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                // Only a malformed address gets here (the form validates it); the answer stays the same.
                return;
            }

            await users.AddToRoleAsync(user, Roles.Participant);
        }
        else if (!user.EmailConfirmed && !await db.CohortMembers.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            (user.FullName, user.SelfReportedOrganisation, user.PreferredLanguage) = (fullName, organisation, Cultures.SpokenOrDefault(language));
            await users.UpdateAsync(user);
        }

        if (!user.EmailConfirmed)
        {
            mails.EnqueueConfirmation(user, await links.CreateAsync(user, PasswordLinkKind.Confirm));
            await SaveAndSendAsync(cancellationToken);
        }
    }

    public async Task ResendConfirmationAsync(string email, CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            mails.EnqueueConfirmation(user, await links.CreateAsync(user, PasswordLinkKind.Confirm));
            await SaveAndSendAsync(cancellationToken);
        }
    }

    /// <summary>Also for an invitee who never set a password or whose invitation expired: the reset link does both.</summary>
    public async Task SendPasswordResetAsync(string email, CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(email) is { } user)
        {
            mails.EnqueuePasswordReset(user, await links.CreateAsync(user, PasswordLinkKind.Reset));
            await SaveAndSendAsync(cancellationToken);
        }
    }

    public Task<AppUser?> FindLinkAsync(string? userId, string? code, PasswordLinkKind kind) => links.FindAsync(userId, code, kind);

    /// <summary>
    /// The link's owner chose a password: the address is proven, so domain membership and invitations take effect. An
    /// account an admin closed keeps the new password but is not signed in (the caller checks SuspendedAtUtc).
    /// </summary>
    public async Task<IdentityResult> SetPasswordAndSignInAsync(AppUser user, string password, CancellationToken cancellationToken = default)
    {
        var result = await SetPasswordOfProvenAddressAsync(user, password, cancellationToken);
        if (result.Succeeded && user.SuspendedAtUtc is null)
        {
            await signIn.SignInAsync(user, isPersistent: false);
        }

        return result;
    }

    /// <summary>
    /// Sets the password and confirms the address of someone whose address is proven (by the mailed link, or by the
    /// server's operator in create-admin); domain membership and invitations take effect as with the link.
    /// </summary>
    public async Task<IdentityResult> SetPasswordOfProvenAddressAsync(AppUser user, string password, CancellationToken cancellationToken = default)
    {
        var result = await links.CompleteAsync(user, password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return await SetByTwinRequestAsync(user, password);
        }

        if (!result.Succeeded)
        {
            return result;
        }

        await memberships.JoinByDomainAsync(user, cancellationToken);
        foreach (var handler in onPasswordSet)
        {
            await handler.OnPasswordSetAsync(user, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The same form sent twice at once (a double click on a slow phone, two tabs): both requests held a valid link,
    /// and the other one saved first (and takes the invitations in). When it saved the password this request chose,
    /// this one succeeds too, so the person lands where the first click leads; any other password is refused as a
    /// used link would be.
    /// </summary>
    private async Task<IdentityResult> SetByTwinRequestAsync(AppUser user, string password)
    {
        await db.Entry(user).ReloadAsync();
        return await users.CheckPasswordAsync(user, password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = UsedLink });
    }

    /// <summary>The error code of a link another request used while this one was checking it.</summary>
    public const string UsedLink = "UsedLink";

    /// <summary>Where a person lands after setting a password: the first lesson of the course they were invited to, or My studies.</summary>
    public string StartPage(string? courseId)
    {
        var first = courseId is null ? null : catalog.Current.Find(courseId)?.Lessons.FirstOrDefault();
        return (first is null
            ? paths.GetPathByPage("/MyStudies/Index")
            : paths.GetPathByPage("/Courses/Lesson", values: new { courseId, moduleId = first.ModuleId, lessonId = first.Id })) ?? "/";
    }

    private async Task SaveAndSendAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
