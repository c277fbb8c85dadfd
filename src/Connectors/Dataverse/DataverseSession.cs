namespace ClarityConnect.Connectors.Dataverse;

/// <summary>An access token in use, when it expires and a fingerprint of the credentials that produced it.</summary>
internal sealed class DataverseSession(string accessToken, DateTimeOffset expiresAt, Uri instanceUrl, string credentialsFingerprint)
{
    /// <summary>The bearer token. Secret.</summary>
    public string AccessToken { get; } = accessToken;

    /// <summary>When Entra ID said the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>The environment the token was obtained for.</summary>
    public Uri InstanceUrl { get; } = instanceUrl;

    /// <summary>Hash of the credentials (after any refresh-token rotation); a different one means an administrator changed them.</summary>
    public string CredentialsFingerprint { get; } = credentialsFingerprint;
}
