namespace ClarityConnect.Connectors.Telemetry;

/// <summary>
/// The tag keys of ClarityConnect's spans and metrics. Every value is one of a small, fixed set (an integration name, a
/// node kind, an exit, an error code, a target) or an id the platform generates (session, node): nothing a caller typed
/// or said, nothing secret. Session and node ids appear on spans only, never on metrics.
/// </summary>
public static class TelemetryTags
{
    /// <summary>The integration: <c>salesforce</c>, <c>dynamics</c>, <c>csi</c>.</summary>
    public const string Integration = "clarityconnect.integration";

    /// <summary>The node kind: <c>CustomerLookup</c> or <c>AdvancedLookup</c>.</summary>
    public const string NodeKind = "clarityconnect.node.kind";

    /// <summary>The exit a node took: <c>Match</c>, <c>NoMatch</c>, <c>SingleResult</c>, <c>MultipleResults</c>, <c>NoResults</c>.</summary>
    public const string NodeExit = "clarityconnect.node.exit";

    /// <summary>Why a node took its exit: <c>found</c>, <c>reused</c>, <c>not_found</c>, <c>no_criteria</c>, <c>error</c>, <c>timeout</c>, <c>disabled</c>.</summary>
    public const string NodeResult = "clarityconnect.node.result";

    /// <summary>The node's id in the call flow (spans only).</summary>
    public const string NodeId = "clarityconnect.node.id";

    /// <summary>The session's id (spans only).</summary>
    public const string SessionId = "clarityconnect.session.id";

    /// <summary>The CRM operation: <c>find_customers</c>, <c>list_objects</c>, <c>list_fields</c>, <c>query</c>, <c>check_search_parameter</c>, <c>attach_file</c>, <c>add_note</c>.</summary>
    public const string CrmOperation = "clarityconnect.crm.operation";

    /// <summary>What a Customer Lookup searched by: <c>Phone</c>, <c>Email</c>, <c>Name</c>, <c>Field</c> (the kind, never the value; spans only).</summary>
    public const string CriterionKind = "clarityconnect.crm.criterion";

    /// <summary>Where a piece of work went: an export target (<c>salesforce</c>, <c>dynamics</c>, <c>csi</c>) or a resilience pipeline (<c>salesforce-rest</c>, …).</summary>
    public const string Target = "clarityconnect.target";

    /// <summary>The lane of a connector's API a call went through: <c>live</c> (lookups, builder, connection test) or <c>background</c> (exports).</summary>
    public const string Lane = "clarityconnect.lane";

    /// <summary>How a piece of work ended: e.g. <c>success</c>, <c>failure</c>, <c>parked</c>, <c>dropped</c>.</summary>
    public const string Outcome = "clarityconnect.outcome";

    /// <summary>An export item's kind: <c>recording</c>, <c>transcript</c>, <c>note</c>, <c>manifest</c>.</summary>
    public const string ItemKind = "clarityconnect.export.item";

    /// <summary>The error code (OpenTelemetry's <c>error.type</c>): a CRM's error code such as <c>REQUEST_LIMIT_EXCEEDED</c>, an HTTP status, or an exception type.</summary>
    public const string ErrorType = "error.type";

    /// <summary>The remote server's host name (OpenTelemetry's <c>server.address</c>): the FTP server's configured host.</summary>
    public const string ServerAddress = "server.address";

    /// <summary>The remote server's port (OpenTelemetry's <c>server.port</c>): the FTP server's control port.</summary>
    public const string ServerPort = "server.port";

    /// <summary>Whether an FTP transfer used explicit FTPS.</summary>
    public const string FtpTls = "clarityconnect.ftp.tls";

    /// <summary>Whether an FTP connection replaced a kept connection that the server had closed (<c>true</c>, <c>false</c>).</summary>
    public const string FtpReopened = "clarityconnect.ftp.reopened";
}
