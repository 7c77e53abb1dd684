using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace RemoteGuidanceTraining.Web.Pages;

/// <summary>
/// The one-time message cookie (TempData), written only when there is something to carry or a cookie to clear.
/// The layout looks for a message on every page, and MVC's cookie provider answers every such look that found
/// nothing with a Set-Cookie deleting a cookie the browser never had: about 150 bytes and a header on every response.
/// </summary>
public sealed class MessageCookieOnlyWhenNeeded(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options)
    : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        // A message split over several cookies still sends one under the plain name (it says how many chunks).
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            return;
        }

        cookies.SaveTempData(context, values);
    }
}
