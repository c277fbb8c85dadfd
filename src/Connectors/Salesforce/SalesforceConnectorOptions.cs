using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Tuning of the Salesforce connector: resilience, caching and upload limits. Credentials are not here:
/// they come from <see cref="OAuth.ICrmCredentialsSource{TCredentials}"/>.</summary>
public sealed class SalesforceConnectorOptions : HttpConnectorOptions
{
    /// <summary>The configuration section the hosts bind.</summary>
    public const string Section = "ClarityConnect:Connectors:Salesforce";

    /// <summary>Creates the defaults. <see cref="HttpGuardOptions.MaxConcurrentRequests"/> defaults to 10: Salesforce caps
    /// long-running (≥ 20 s) requests at 25 per org (5 on Developer Edition).</summary>
    public SalesforceConnectorOptions()
        : base(maxConcurrentRequests: 10)
    {
    }

    /// <summary>Largest base64 payload (bytes) sent as JSON when creating a ContentVersion; above it the file goes as multipart.
    /// Salesforce allows 37.5 MB of base64 in a JSON body; the default reads "MB" as 10^6 bytes, the safer of the two readings.</summary>
    public long ContentVersionJsonLimit { get; set; } = 37_500_000;

    /// <summary>How long describe results are cached in the silo. Default 5 minutes.</summary>
    public TimeSpan DescribeCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
