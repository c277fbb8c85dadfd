namespace ClarityConnect.Grains.Crm;

/// <summary>The stored state of a <see cref="CrmAuthorizationGrain"/>.</summary>
[GenerateSerializer]
public sealed class CrmAuthorizationState
{
    [Id(0)] public Dictionary<string, PendingAuthorization> Pending { get; set; } = [];
    [Id(1)] public string? ProtectedRefreshToken { get; set; }
    [Id(2)] public string? AuthorizedAs { get; set; }
    [Id(3)] public DateTimeOffset? AuthorizedAt { get; set; }
    [Id(4)] public bool NeedsReauthorization { get; set; }
    [Id(5)] public string? LastError { get; set; }
    [Id(6)] public DateTimeOffset? LastErrorAt { get; set; }
}

/// <summary>An authorization that was started and not completed yet.</summary>
[GenerateSerializer]
public sealed class PendingAuthorization
{
    [Id(0)] public required string ProtectedCodeVerifier { get; set; }
    [Id(1)] public required Uri RedirectUri { get; set; }
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
}
