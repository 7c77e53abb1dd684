using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// The rate limits a page names with [EnableRateLimiting(policy)], answered 429 beyond the limit.
/// ASP.NET Core's UseRateLimiter() does the same, but its middleware never disposes the limiter it builds
/// (dotnet/aspnetcore#66434): that limiter's 100 ms timer keeps a stopped site, its services and its compiled pages
/// reachable for as long as the process lives. One site per process never notices; the test run starts a site per
/// test and kept every one of them (about 7 MB each, gigabytes by the end). This limiter belongs to the service
/// container, which disposes it when the site stops.
/// </summary>
public sealed class RequestRateLimits : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    /// <param name="policies">Each policy's partition of a request, e.g. a fixed window per client address.</param>
    public RequestRateLimits(IReadOnlyDictionary<string, Func<HttpContext, RateLimitPartition<string>>> policies)
    {
        // The policy is part of the partition key, so two policies never share a client's window.
        _limiter = PartitionedRateLimiter.Create<HttpContext, (string Policy, string Key)>(context =>
        {
            var policy = PolicyOf(context)!;
            var partition = policies[policy](context);
            return new RateLimitPartition<(string Policy, string Key)>((policy, partition.PartitionKey), key => partition.Factory(key.Key));
        });
    }

    internal static string? PolicyOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    internal ValueTask<RateLimitLease> AcquireAsync(HttpContext context) => _limiter.AcquireAsync(context, 1, context.RequestAborted);

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}

/// <summary>Applies <see cref="RequestRateLimits"/> after routing, where a request's page is known.</summary>
public sealed class RequestRateLimiting(RequestDelegate next, RequestRateLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (RequestRateLimits.PolicyOf(context) is null)
        {
            await next(context);
            return;
        }

        using var lease = await limits.AcquireAsync(context);
        if (!lease.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        await next(context);
    }
}
