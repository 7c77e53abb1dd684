using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// Every page handler that takes a POST is sent a form by the site's own pages. A POST without one (no body, or JSON,
/// with a valid antiforgery header) is refused with 400 before the handler runs: handlers that read
/// <c>Request.Form</c> themselves (quiz answers, the reminder's ticked members) would otherwise throw and answer 500.
/// </summary>
public sealed class FormPostsOnlyFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        // The error page re-executed for this very 400 keeps the method and the body: it still renders.
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !http.Request.HasFormContentType && !reExecuted)
        {
            context.Result = new BadRequestResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
