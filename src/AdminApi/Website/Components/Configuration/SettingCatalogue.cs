using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.AdminApi.Website.Components.Configuration;

/// <summary>How a setting is entered on the System Configuration page.</summary>
public enum SettingKind
{
    /// <summary>A yes/no checkbox.</summary>
    Flag,

    /// <summary>One line of text (empty: not set).</summary>
    Text,

    /// <summary>Several lines of text, such as PEM certificates.</summary>
    Multiline,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>A write-only secret: shown as set / not set, replaced by typing, cleared by a checkbox.</summary>
    Secret,

    /// <summary>A list of queue names, chosen from the queues the cluster has seen or typed.</summary>
    Queues,
}

/// <summary>One setting on the page: its JSON member name (as the API names it), its label, how it is entered and a hint.</summary>
public sealed record SettingField(string Name, string Label, SettingKind Kind, string? Hint = null);

/// <summary>The settings of one integration, in the order the page shows them, under a group title.</summary>
public sealed record SettingGroup(string Integration, string Title, IReadOnlyList<SettingField> Fields);

/// <summary>
/// Every setting of every integration as the System Configuration page shows it: the labels the product manual uses
/// (docs: integration-packages.txt) for the settings it names, clear names for the settings production added.
/// </summary>
public static class SettingCatalogue
{
    /// <summary>The groups under "Integration Settings", in page order.</summary>
    public static IReadOnlyList<SettingGroup> Groups { get; } =
    [
        new(IntegrationNames.Salesforce, "Salesforce",
        [
            new("enabled", "Enable Salesforce Integration?", SettingKind.Flag),
            new("consumerKey", "Salesforce Consumer Key", SettingKind.Text, "The consumer key of the connected app."),
            new("consumerSecret", "Salesforce Consumer Secret", SettingKind.Secret),
            new("pushCallRecordings", "Salesforce: Push Call Recordings?", SettingKind.Flag),
            new("pushSessionNotes", "Salesforce: Push Session Notes?", SettingKind.Flag),
            new("pushSessionTranscript", "Salesforce: Push Session Transcript?", SettingKind.Flag),
            new("loginUrl", "Salesforce Login URL", SettingKind.Text, "https://login.salesforce.com, https://test.salesforce.com for a sandbox, or your My Domain URL."),
            new("apiVersion", "Salesforce API Version", SettingKind.Text, "The REST API version, such as 62.0."),
            new("requestTimeoutSeconds", "Salesforce Request Timeout (seconds)", SettingKind.Number, "From 1 to 120."),
            new("maxConcurrentRequests", "Salesforce Maximum Concurrent Requests", SettingKind.Number, "Per silo, from 1 to 100."),
            new("useClientCredentials", "Salesforce: Use Client Credentials Flow?", SettingKind.Flag, "Sign in as the connected app's run-as user instead of authorizing with the Key icon."),
        ]),
        new(IntegrationNames.Dynamics, "Microsoft Dynamics",
        [
            new("enabled", "Enable Microsoft Dynamics Integration?", SettingKind.Flag),
            new("clientId", "MS Dynamics ClientId", SettingKind.Text, "The application (client) id, a GUID."),
            new("clientKey", "MS Dynamics Client Key", SettingKind.Secret),
            new("instanceUrl", "MS Dynamics Instance URL", SettingKind.Text, "Such as https://contoso.crm.dynamics.com."),
            new("authorizationUrl", "MS Dynamics Authorization URL", SettingKind.Text, "Such as https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize."),
            new("tokenUrl", "MS Dynamics Token URL", SettingKind.Text, "Such as https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token."),
            new("pushCallRecordings", "MS Dynamics: Push Call Recordings?", SettingKind.Flag),
            new("pushSessionNotes", "MS Dynamics: Push Session Notes?", SettingKind.Flag),
            new("pushSessionTranscript", "MS Dynamics: Push Session Transcript?", SettingKind.Flag),
            new("requestTimeoutSeconds", "MS Dynamics Request Timeout (seconds)", SettingKind.Number, "From 1 to 120."),
            new("maxConcurrentRequests", "MS Dynamics Maximum Concurrent Requests", SettingKind.Number, "Per silo, from 1 to 100."),
            new("useClientCredentials", "MS Dynamics: Use Client Credentials Flow?", SettingKind.Flag, "Authenticate as an application user (service principal) instead of authorizing with the Key icon."),
        ]),
        new(IntegrationNames.Csi, "CSI World",
        [
            new("enabled", "Enable CSI World Integration?", SettingKind.Flag),
            new("instanceAddress", "Instance IP/DNS", SettingKind.Text, "Host name or IP address (optionally :port), or an http(s) base URL."),
            new("developerKey", "Unique Developer Key", SettingKind.Secret),
            new("ftpHostname", "Instance FTP Hostname", SettingKind.Text, "Optionally with :port."),
            new("ftpUsername", "Instance FTP Username", SettingKind.Text),
            new("ftpPassword", "Instance FTP Password", SettingKind.Secret),
            new("useSslForFtp", "Use SSL for FTP?", SettingKind.Flag, "Only if CSI instructed you to: explicit FTPS, never falling back to plain FTP."),
            new("ftpTrustedCaCertificate", "FTPS Trusted CA Certificate", SettingKind.Multiline, "PEM (-----BEGIN CERTIFICATE----- blocks only) of a private CA or of the FTP server, trusted besides the system store."),
            new("ftpTlsHostName", "FTPS Certificate Host Name", SettingKind.Text, "The DNS name the FTP server's certificate must match when the hostname above is an IP address or another name."),
            new("sendAcdStatistics", "Send ACD Statistics?", SettingKind.Flag),
            new("sendSessionRecordings", "Send Session Recordings?", SettingKind.Flag),
            new("sendSessionTranscript", "Send Session Transcript?", SettingKind.Flag),
            new("sendChangeEvents", "Send Session & Agent Change Events?", SettingKind.Flag),
            new("disabledQueues", "Disabled Queues (for ACD Statistics Upload)?", SettingKind.Queues, "ACD statistics of the queues selected here are not sent to CSI."),
        ]),
        new(IntegrationNames.Platform, "Platform",
        [
            new("adminWebsiteBaseUrl", "Administrative Website Base URL", SettingKind.Text, "The address of this website as agents' CRM notes link to it; a session's link is {base}/sessions/{id}."),
            new("recordingsRoot", "Recordings Root", SettingKind.Text, "The folder (absolute path) or http(s) base URL recording files are read from."),
            new("defaultPhoneRegion", "Default Phone Region", SettingKind.Text, "The region of caller numbers without a country code: a two-letter code such as US or GB."),
        ]),
    ];

    /// <summary>The group of <paramref name="integration"/>.</summary>
    public static SettingGroup Group(string integration) => Groups.Single(g => g.Integration == integration);
}
