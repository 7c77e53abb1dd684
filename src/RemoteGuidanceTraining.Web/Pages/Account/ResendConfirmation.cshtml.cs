using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using RemoteGuidanceTraining.Web.Accounts;
using RemoteGuidanceTraining.Web.Security;

namespace RemoteGuidanceTraining.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsServiceCollectionExtensions.SignInRateLimit)]
[EvenResponseTime]
public class ResendConfirmationModel(AccountSetup setup) : AddressOnlyForm
{
    protected override string SentPage => "RegisterConfirmation";

    protected override Task SendAsync(string email, CancellationToken cancellationToken) =>
        setup.ResendConfirmationAsync(email, cancellationToken);
}
