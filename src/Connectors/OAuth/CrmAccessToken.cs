namespace ClarityConnect.Connectors.OAuth;

/// <summary>An access token in use: the instance it calls, when it expires and a fingerprint of the credentials that produced it.</summary>
public sealed class CrmAccessToken(string accessToken, Uri instanceUrl, DateTimeOffset? expiresAt, string credentialsFingerprint)
{
    /// <summary>The bearer token. Secret.</summary>
    public string AccessToken { get; } = accessToken;

    /// <summary>The CRM instance (Salesforce: from the token response; Dataverse: the environment of the credentials).</summary>
    public Uri InstanceUrl { get; } = instanceUrl;

    /// <summary>When the token expires; null when the issuer does not say.</summary>
    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    /// <summary>Hash of the credentials (after any refresh-token rotation); a different one means an administrator changed them.</summary>
    public string CredentialsFingerprint { get; } = credentialsFingerprint;

    /// <inheritdoc />
    public override string ToString() => $"CrmAccessToken {{ InstanceUrl = {InstanceUrl}, ExpiresAt = {ExpiresAt:O} }}";
}
