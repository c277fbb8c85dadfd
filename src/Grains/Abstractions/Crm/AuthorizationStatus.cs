namespace ClarityConnect.Abstractions.Crm;

/// <summary>Whether ClarityConnect can call a CRM on behalf of the organisation.</summary>
[GenerateSerializer, Immutable]
public sealed record AuthorizationStatus
{
    /// <summary>The integration.</summary>
    [Id(0)] public required string Integration { get; init; }
    /// <summary>Whether a refresh token (or client credentials) is in place and was not refused since.</summary>
    [Id(1)] public bool Authorized { get; init; }
    /// <summary>Who authorized: the identity URL or user the CRM reported.</summary>
    [Id(2)] public string? AuthorizedAs { get; init; }
    /// <summary>When the last authorization completed.</summary>
    [Id(3)] public DateTimeOffset? AuthorizedAt { get; init; }
    /// <summary>True when the CRM refused the stored grant (e.g. <c>invalid_grant</c>): an administrator must click the Key icon again.</summary>
    [Id(4)] public bool NeedsReauthorization { get; init; }
    /// <summary>The last authorization error, if any.</summary>
    [Id(5)] public string? LastError { get; init; }
    /// <summary>When the last error happened.</summary>
    [Id(6)] public DateTimeOffset? LastErrorAt { get; init; }
}
