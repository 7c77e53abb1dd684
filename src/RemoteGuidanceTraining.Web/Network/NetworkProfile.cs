namespace RemoteGuidanceTraining.Web.Network;

/// <summary>
/// A practitioner's opt-in entry in the guidance network. Everything here is public once saved, except the
/// bookkeeping (user id, dates, hiding); leaving the network deletes the row and its children at once.
/// </summary>
public class NetworkProfile
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The name shown: the person chooses it (it need not be their full name).</summary>
    public string DisplayName { get; set; } = "";

    public string Title { get; set; } = "";

    public string Organisation { get; set; } = "";

    public int HomeMunicipalityId { get; set; }

    public NetworkMunicipality? HomeMunicipality { get; set; }

    /// <summary>A service address or number, not necessarily personal.</summary>
    public string PublicContact { get; set; } = "";

    /// <summary>Languages outside the fixed list, as free text ("ukraina, venäjä").</summary>
    public string? OtherLanguages { get; set; }

    public DateTime JoinedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Set by a coordinator for an outdated profile; cleared when the person next saves it.</summary>
    public DateTime? HiddenAtUtc { get; set; }

    public string? HiddenByUserId { get; set; }

    public DateTime? UpdateRequestedAtUtc { get; set; }

    /// <summary>Municipalities the services reach; always includes the home municipality.</summary>
    public List<NetworkProfileMunicipality> Served { get; set; } = [];

    public List<NetworkProfileTag> Tags { get; set; } = [];

    public List<NetworkProfileChannel> Channels { get; set; } = [];
}

public class NetworkProfileMunicipality
{
    public int ProfileId { get; set; }

    public int MunicipalityId { get; set; }

    public NetworkMunicipality? Municipality { get; set; }
}

/// <summary>One chosen code of a kind: a service, a target group, a language, or a training shown (course id).</summary>
public class NetworkProfileTag
{
    public int ProfileId { get; set; }

    public string Kind { get; set; } = "";

    public string Code { get; set; } = "";
}

public class NetworkProfileChannel
{
    public int ProfileId { get; set; }

    public string Channel { get; set; } = "";

    /// <summary>When the person is reachable through this channel, as they write it ("ma–pe 9–15").</summary>
    public string Hours { get; set; } = "";
}
