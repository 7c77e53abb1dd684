using Microsoft.AspNetCore.Mvc.Filters;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// Everything a page sends a signed-in person is theirs (their certificate PDF, their data export, an audit CSV):
/// no browser or proxy cache may keep it. Pages with a form already get this from antiforgery; this covers the
/// rest (downloads, pages without forms, exports written straight to the response) with the same value, so
/// antiforgery finds nothing to override. Set before the handler runs, so a handler that chooses otherwise can.
/// </summary>
public sealed class PrivateResponses : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
