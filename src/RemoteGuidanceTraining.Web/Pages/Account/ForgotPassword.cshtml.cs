using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit)]
[EvenResponseTime]
public class ForgotPasswordModel(AccountSetup setup) : AddressOnlyForm
{
    protected override string SentPage => "ForgotPasswordConfirmation";

    protected override Task SendAsync(string email, CancellationToken cancellationToken) =>
        setup.SendPasswordResetAsync(email, cancellationToken);
}
