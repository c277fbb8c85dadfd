namespace ClarityConnect.Testing.Settings;

/// <summary>The kinds of string setting, each with its own rule (<c>SettingRules</c>); the hostile-input tests say per kind what must be refused.</summary>
public enum SettingKind
{
    /// <summary>A secret, user name or key.</summary>
    Credential,
    /// <summary>An Entra ID application id (GUID).</summary>
    ApplicationId,
    /// <summary>An https URL (http to loopback only).</summary>
    Url,
    /// <summary>A host[:port] reached over https, or a URL.</summary>
    HostOrUrl,
    /// <summary>A host[:port], any port (FTP).</summary>
    Host,
    /// <summary>A Salesforce API version.</summary>
    ApiVersion,
    /// <summary>One entry of a list of queue names.</summary>
    QueueName,
    /// <summary>An absolute folder path or a URL.</summary>
    FolderOrUrl,
    /// <summary>A phone numbering region: a two-letter code in capitals libphonenumber knows (US, GB, XK).</summary>
    PhoneRegion,
}
