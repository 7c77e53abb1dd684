using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RemoteGuidanceTraining.Web.Cohorts;

namespace RemoteGuidanceTraining.Web.Pages.Reminders;

/// <summary>
/// Stops a cohort's automatic reminders from the link in one, without signing in: the signed token names the
/// membership. The link opens a confirmation, and only the button changes anything, so a mail scanner that
/// follows links does not unsubscribe anyone.
/// </summary>
[AllowAnonymous]
public class UnsubscribeModel(AutoReminders reminders) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Done { get; private set; }

    public bool Invalid { get; private set; }

    public IActionResult OnGet()
    {
        Invalid = Token is not { Length: > 0 and <= 1000 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Invalid = Token is not { Length: > 0 and <= 1000 } || !await reminders.UnsubscribeAsync(Token, cancellationToken);
        Done = !Invalid;
        return Page();
    }
}
