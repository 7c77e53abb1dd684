using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RemoteGuidanceTraining.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public string MessageKey { get; private set; } = "Error.Generic";

    public void OnGet(int? code) => MessageKey = code switch
    {
        400 => "Error.BadRequest",
        404 => "Error.NotFound",
        403 => "Error.Forbidden",
        429 => "Error.TooManyRequests",
        _ => "Error.Generic",
    };

    // Re-executed POSTs (e.g. a rate-limited sign-in) land here too.
    public void OnPost(int? code) => OnGet(code);
}
