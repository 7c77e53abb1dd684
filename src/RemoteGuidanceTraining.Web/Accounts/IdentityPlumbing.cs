using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;

namespace RemoteGuidanceTraining.Web.Accounts;

/// <summary>
/// Identity's tokens travel in links: they are base64url-encoded on the way out and decoded on the way in, and a
/// link someone has mangled decodes to nothing rather than an error page.
/// </summary>
public static class IdentityTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (code is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public static class IdentityResultExtensions
{
    /// <summary>
    /// Shows Identity's (localised, see LocalizedIdentityErrorDescriber) errors: each under the field
    /// <paramref name="fieldOf"/> names (its message then stands beside it and links to it from the summary), or the
    /// form as a whole when there is no such function or it gives an empty key.
    /// </summary>
    public static void AddErrorsOf(this ModelStateDictionary modelState, IdentityResult result, Func<IdentityError, string>? fieldOf = null)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(fieldOf?.Invoke(error) ?? string.Empty, error.Description);
        }
    }
}
