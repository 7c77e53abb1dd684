using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace RemoteGuidanceTraining.Web.Security;

/// <summary>
/// X-Forwarded-For/-Proto are believed only from the proxies listed in settings (ForwardedHeaders:KnownProxies,
/// ForwardedHeaders:KnownNetworks), none by default, not even loopback: otherwise anyone could name a new client
/// address in every request and step around the per-address rate limits.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void Configure(ForwardedHeadersOptions options, IConfigurationSection settings)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new StartupException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address (a host name is not accepted; give the proxy's address, e.g. 10.0.0.5)."));
        }

        foreach (var network in settings.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new StartupException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network with its prefix length, such as 10.0.0.0/24 (one address goes in KnownProxies)."));
        }

        // With both lists empty the middleware would believe any sender, so then it reads no forwarded header at all.
        options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    }
}
