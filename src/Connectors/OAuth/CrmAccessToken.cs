namespace ClarityConnect.Connectors.OAuth;

/// <summary>An access token as a CRM's token endpoint issued it, for every grant of both CRMs: what the Key icon's code
/// exchange returns and what <see cref="CrmAccessTokenStore{TCredentials}"/> holds and renews. <see cref="ToString"/>
/// leaves the tokens out.</summary>
public sealed record CrmAccessToken
{
    /// <summary>The bearer token. Secret: never log it.</summary>
    public required string AccessToken { get; init; }

    /// <summary>A refresh token when the endpoint issued one: on the authorization-code grant, and on a refresh when the
    /// issuer rotates it (Entra ID; store the new one, discard the old). Null otherwise, and in the token the store holds
    /// (the rotated one lives in the credentials). Secret.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The CRM instance the token calls: Salesforce's <c>instance_url</c> (the org may move), Dataverse's
    /// environment from the credentials.</summary>
    public required Uri InstanceUrl { get; init; }

    /// <summary>When the token expires: the receipt time plus <c>expires_in</c> (Entra ID). Null when the issuer does not say
    /// (Salesforce: the org's session timeout applies, and a 401 is the signal to renew).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the token was issued: Salesforce's <c>issued_at</c>, else the receipt time.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Who the token acts for, as the issuer names it: Salesforce's identity URL (<c>id</c>,
    /// <c>https://login.salesforce.com/id/{orgId}/{userId}</c>); null when the response has none (Entra ID).</summary>
    public Uri? IdentityUrl { get; init; }

    /// <summary>The granted scopes (<c>scope</c>), space separated; null when absent.</summary>
    public string? Scope { get; init; }

    // Records print every property by default; the tokens must never reach a log through ToString.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder
            .Append("InstanceUrl = ").Append(InstanceUrl)
            .Append(", ExpiresAt = ").Append(ExpiresAt?.ToString("O"))
            .Append(", IssuedAt = ").Append(IssuedAt.ToString("O"))
            .Append(", IdentityUrl = ").Append(IdentityUrl)
            .Append(", Scope = ").Append(Scope)
            .Append(", HasRefreshToken = ").Append(RefreshToken is not null);
        return true;
    }
}
