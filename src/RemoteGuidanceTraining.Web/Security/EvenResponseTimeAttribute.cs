using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// Makes a form post take at least a fixed time, so that whether an address has an account (a token made, a mail
/// queued, a password hashed) cannot be read from how long the answer took. GETs are not delayed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvenResponseTimeAttribute : Attribute, IAsyncPageFilter
{
    /// <summary>Comfortably above the slowest branch (hashing a password and queueing a mail) on a loaded server.</summary>
    public static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(600);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        await next();
        if (HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            var left = Floor - Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, context.HttpContext.RequestAborted);
            }
        }
    }
}
