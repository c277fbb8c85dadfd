namespace ClarityConnect.Connectors.Salesforce;

/// <summary>An access token in use, the org it belongs to and a fingerprint of the credentials that produced it.</summary>
internal sealed class SalesforceSession(string accessToken, Uri instanceUrl, string credentialsFingerprint)
{
    /// <summary>The bearer token. Secret.</summary>
    public string AccessToken { get; } = accessToken;

    /// <summary>The org's instance URL from the token response.</summary>
    public Uri InstanceUrl { get; } = instanceUrl;

    /// <summary>Hash of the credentials; a different one means an administrator changed them and the session is stale.</summary>
    public string CredentialsFingerprint { get; } = credentialsFingerprint;
}
