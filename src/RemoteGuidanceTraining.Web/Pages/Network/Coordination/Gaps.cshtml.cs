using RemoteGuidanceTraining.Web.Network;

namespace RemoteGuidanceTraining.Web.Pages.Network.Coordination;

/// <summary>Where the network does not reach: municipalities without a channel, groups without a language in a channel.</summary>
public class NetworkGapsModel(NetworkCuration curation) : NetworkCurationPage
{
    public NetworkCuration.Gaps Gaps { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Gaps = await curation.GapsAsync(await ScopeAsync(), cancellationToken);
}
