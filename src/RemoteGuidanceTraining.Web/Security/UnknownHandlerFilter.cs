using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// A request that none of a page's handlers answers (a POST to a page whose POST handlers are all named, none of them
/// the one asked for) gets 404; an unnamed handler still answers any <c>?handler=</c>. Left alone, Razor Pages renders such a page without running any handler, so its model
/// was never loaded and the view fails with a 500. Pages without handlers of their own still just render.
/// </summary>
public sealed class UnknownHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The error page re-executed for another request's status keeps that request's method (say PUT): it still renders.
        var reExecuted = context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0 && !reExecuted)
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
