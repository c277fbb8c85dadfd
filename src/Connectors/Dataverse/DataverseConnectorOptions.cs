using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Tuning of the Dataverse connector: resilience, token renewal, caching and upload limits. Credentials are not
/// here: they come from <see cref="OAuth.ICrmCredentialsSource{TCredentials}"/>.</summary>
public sealed class DataverseConnectorOptions : HttpConnectorOptions
{
    /// <summary>The configuration section the hosts bind.</summary>
    public const string Section = "ClarityConnect:Connectors:Dataverse";

    /// <summary>Creates the defaults. <see cref="HttpGuardOptions.MaxConcurrentRequests"/> defaults to 16: Dataverse allows
    /// 52 concurrent requests per user (crm-wire-facts B5). A <c>Retry-After</c> (seconds, crm-wire-facts B5) is honoured up to
    /// <see cref="HttpConnectorOptions.MaxRetryAfter"/>.</summary>
    public DataverseConnectorOptions()
        : base(maxConcurrentRequests: 16)
    {
    }

    /// <summary>The Web API path under the instance URL. Default <c>api/data/v9.2/</c>.</summary>
    public string ApiPath { get; set; } = "api/data/v9.2/";

    /// <summary>How long before its <c>expires_in</c> an access token is renewed. Default 5 minutes.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest note attachment (bytes) sent inline as base64 <c>documentbody</c>; larger ones use the chunked
    /// <c>InitializeAnnotationBlocksUpload</c> / <c>UploadBlock</c> / <c>CommitAnnotationBlocksUpload</c> messages. Default 4 MB.</summary>
    public long InlineAttachmentLimit { get; set; } = 4L * 1024 * 1024;

    /// <summary>Size of one <c>UploadBlock</c> block (Dataverse allows at most 4 MB). Default 4 MB.</summary>
    public int UploadBlockSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long metadata (entity definitions, attributes, relationships) is cached in the silo. Default 5 minutes.</summary>
    public TimeSpan MetadataCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
