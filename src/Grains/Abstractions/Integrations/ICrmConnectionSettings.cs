namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The settings every CRM integration has for reaching its CRM, whatever the CRM: what the shared credentials
/// source reads before the CRM's own fields.</summary>
public interface ICrmConnectionSettings
{
    /// <summary>"Enable … Integration?"</summary>
    bool Enabled { get; }

    /// <summary>Authenticate with the client-credentials flow instead of the "Key icon" authorization.</summary>
    bool UseClientCredentials { get; }

    /// <summary>Timeout of one request to the CRM, in seconds (1–120).</summary>
    int RequestTimeoutSeconds { get; }
}
