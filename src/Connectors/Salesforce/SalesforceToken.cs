namespace ClarityConnect.Connectors.Salesforce;

/// <summary>A Salesforce OAuth token response: the access token to call the REST API with.</summary>
/// <remarks>Salesforce sends no <c>expires_in</c>: the token lives as long as the org's session timeout, and a 401
/// <c>INVALID_SESSION_ID</c> is the signal to refresh. <see cref="ToString"/> redacts the tokens.</remarks>
public sealed record SalesforceToken
{
    /// <summary>The bearer access token. Secret: never log it.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The refresh token; present after the authorization-code grant with the <c>refresh_token</c> scope, null after a refresh or client-credentials grant. Secret.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The org's instance URL (<c>instance_url</c>), the base of every REST call.</summary>
    public required Uri InstanceUrl { get; init; }

    /// <summary>The identity URL (<c>id</c>): <c>https://login.salesforce.com/id/{orgId}/{userId}</c>; null when the response had none.</summary>
    public Uri? IdentityUrl { get; init; }

    /// <summary>When Salesforce issued the token (<c>issued_at</c>, epoch milliseconds); the receipt time when absent.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The granted scopes (<c>scope</c>), space separated; null when absent.</summary>
    public string? Scope { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"SalesforceToken {{ InstanceUrl = {InstanceUrl}, IdentityUrl = {IdentityUrl}, IssuedAt = {IssuedAt:O}, HasRefreshToken = {RefreshToken is not null} }}";
}
