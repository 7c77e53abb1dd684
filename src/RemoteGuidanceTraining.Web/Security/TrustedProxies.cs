using System.Net;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// X-Forwarded-For/-Proto are believed only from the proxies listed here (ASP.NET Core trusts only loopback by
/// default). Several instances behind a load balancer on another host need its address in "Proxy:KnownProxies"
/// or its network in "Proxy:KnownNetworks"; otherwise client addresses (rate limits) and https are not seen.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"Proxy:KnownNetworks: '{network}' is not a network such as 10.0.0.0/24."));
            }
        });
        return services;
    }
}
