using RemoteGuidanceTraining.Web.Data;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// What another feature does when a person proves their address by setting a password through a mailed link
/// (Cohorts accepts the invitations that came with the link). Accounts knows only this, not the features: the
/// changes are saved by <see cref="AccountSetup"/> together with the password.
/// </summary>
public interface IPasswordSetHandler
{
    Task OnPasswordSetAsync(AppUser user, CancellationToken cancellationToken);
}
