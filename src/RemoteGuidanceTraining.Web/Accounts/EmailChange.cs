using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RemoteGuidanceTraining.Web.Certificates;
using RemoteGuidanceTraining.Web.Data;
using RemoteGuidanceTraining.Web.Email;
using RemoteGuidanceTraining.Web.Privacy;

namespace RemoteGuidanceTraining.Web.Accounts;

public enum EmailChangeOutcome
{
    Changed,

    /// <summary>The link is not valid (wrong, used, or not the latest request).</summary>
    Invalid,

    /// <summary>The address belongs to another account someone uses or was invited to: nothing changed.</summary>
    Taken,
}

/// <summary>
/// Moving an account to a new address: asked for while signed in, done by the link mailed to that address. An address
/// held only by a registration nobody finished (no password, never confirmed, no invitation) does not block the
/// change: whoever opens the link proves the mailbox, and such an account holds nothing, so it is removed. The person
/// asking is never told whether an address has an account; the mailbox's owner is.
/// </summary>
public sealed class EmailChange(AppDbContext db, UserManager<AppUser> users, AccountMails mails, AppMailer mailer, PublicUrls urls, AccountDeletion deletion)
{
    public async Task RequestAsync(AppUser user, string email, CancellationToken cancellationToken = default)
    {
        await PendingEmailChange.RememberAsync(users, user, email);
        if (await users.FindByEmailAsync(email) is { } holder && !await IsUnfinishedRegistrationAsync(holder, cancellationToken))
        {
            // Whoever holds the mailbox learns why nothing moved; the page says the same to everyone.
            mails.EnqueueEmailTaken(user, email, urls.Page("/Account/ForgotPassword"));
        }
        else
        {
            var code = IdentityTokens.Encode(await users.GenerateChangeEmailTokenAsync(user, email));
            mails.EnqueueEmailChange(user, email, urls.Page("/Account/ConfirmEmailChange", new { userId = user.Id, email, code }));
        }

        mails.EnqueueEmailChangeNotice(user, user.Email!, email, urls.Page("/Account/ForgotPassword"));
        await mailer.SaveAndSendAsync(cancellationToken);
    }

    public async Task<EmailChangeOutcome> ConfirmAsync(AppUser user, string email, string token, CancellationToken cancellationToken = default)
    {
        // The link itself is checked before anything else is touched: an address and an account id are not secrets.
        if (!await PendingEmailChange.IsLatestAsync(users, user, email)
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, UserManager<AppUser>.GetChangeEmailTokenPurpose(email), token))
        {
            return EmailChangeOutcome.Invalid;
        }

        if (await users.FindByEmailAsync(email) is { } holder && holder.Id != user.Id)
        {
            if (!await IsUnfinishedRegistrationAsync(holder, cancellationToken))
            {
                return EmailChangeOutcome.Taken;
            }

            // Before the change, in its own commit: if the change then fails, what was removed held nothing.
            await deletion.DeleteAsync(holder, user.Id, cancellationToken);
        }

        var changed = await users.ChangeEmailAsync(user, email, token);
        if (!changed.Succeeded)
        {
            // Taken by a registration made a moment ago, or a token that no longer holds.
            return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)) ? EmailChangeOutcome.Taken : EmailChangeOutcome.Invalid;
        }

        await PendingEmailChange.ForgetAsync(users, user);
        // The address is also the user name people sign in with.
        await users.SetUserNameAsync(user, email);
        return EmailChangeOutcome.Changed;
    }

    /// <summary>Registered but never finished: no password, never confirmed, not invited to any cohort, no other role.</summary>
    private async Task<bool> IsUnfinishedRegistrationAsync(AppUser holder, CancellationToken cancellationToken) =>
        !holder.EmailConfirmed && holder.PasswordHash is null
        && !await db.CohortMembers.AnyAsync(m => m.UserId == holder.Id, cancellationToken)
        && (await users.GetRolesAsync(holder)).All(role => role == Roles.Participant);
}
