namespace ClarityConnect.Connectors.Csi;

/// <summary>Where CSI's change-event endpoint is and the key that authenticates ClarityConnect.</summary>
/// <param name="InstanceAddress">"Instance IP/DNS": a host or IP with an optional port (https is assumed), or an http(s) base URL.</param>
/// <param name="DeveloperKey">"Unique Developer Key".</param>
public sealed record CsiEndpoint(string InstanceAddress, string DeveloperKey)
{
    /// <summary>The URL events are posted to: <c>{base}/api/clarityconnect/v1/events</c>.</summary>
    public Uri EventsUrl
    {
        get
        {
            var root = InstanceAddress.Contains("://", StringComparison.Ordinal) ? InstanceAddress : "https://" + InstanceAddress;
            return new Uri(root.TrimEnd('/') + "/api/clarityconnect/v1/events");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"CsiEndpoint {{ {InstanceAddress} }}";
}
