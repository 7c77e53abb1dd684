using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using RemoteGuidanceTraining.Web.Accounts;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// Makes a form post take at least a fixed time, so that whether an address has an account (a token made, a mail
/// queued, a password hashed) cannot be read from how long the answer took. GETs are not delayed. The time is a
/// setting (<see cref="SecurityOptions.EvenResponseMilliseconds"/>): a slower server needs a higher floor.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvenResponseTimeAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        await next();
        if (HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            var floor = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.EvenResponseTime;
            var left = floor - Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, context.HttpContext.RequestAborted);
            }
        }
    }
}
