namespace ClarityConnect.Connectors.Dataverse;

/// <summary>An Entra ID token response for Dataverse. <see cref="ToString"/> redacts the tokens.</summary>
public sealed record DataverseToken
{
    /// <summary>The bearer access token. Secret: never log it.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The refresh token: present with <c>offline_access</c> on the authorization-code and refresh grants
    /// (Entra ID rotates it: store the new one, discard the old); null for client credentials. Secret.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When the access token expires: the receipt time plus <c>expires_in</c> (one hour when absent).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The granted scopes (<c>scope</c>), space separated; null when absent.</summary>
    public string? Scope { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"DataverseToken {{ ExpiresAt = {ExpiresAt:O}, Scope = {Scope}, HasRefreshToken = {RefreshToken is not null} }}";
}
