using System.Diagnostics.Metrics;

namespace ClarityConnect.Connectors.Telemetry;

/// <summary>The connectors' instruments on <see cref="ClarityConnectTelemetry.Meter"/>: retries and circuit breakers of the HTTP pipelines, FTP uploads and connections.</summary>
internal static class ConnectorMetrics
{
    /// <summary>Retries of the HTTP resilience pipelines, by <see cref="TelemetryTags.Target"/> (pipeline) and <see cref="TelemetryTags.ErrorType"/> (status or failure).</summary>
    public static readonly Counter<long> Retries = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.connector.retries", "{retry}", "Retries of calls to Salesforce, Dataverse and their token endpoints, by pipeline and cause.");

    /// <summary>Times a circuit breaker opened, by <see cref="TelemetryTags.Target"/> (pipeline).</summary>
    public static readonly Counter<long> CircuitOpened = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.connector.circuit_opened", "{event}", "Times a connector's circuit breaker opened, by pipeline.");

    /// <summary>FTP uploads, by <see cref="TelemetryTags.ServerAddress"/>, <see cref="TelemetryTags.FtpTls"/>, <see cref="TelemetryTags.Outcome"/> and, on failure, <see cref="TelemetryTags.ErrorType"/>.</summary>
    public static readonly Counter<long> FtpUploads = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.ftp.uploads", "{file}", "Files uploaded to FTP/FTPS servers (CSI recordings, transcripts, ACD statistics), by server and outcome.");

    /// <summary>
    /// FTP control connections opened (each one login and, with FTPS, one TLS handshake), by
    /// <see cref="TelemetryTags.ServerAddress"/>, <see cref="TelemetryTags.ServerPort"/>, <see cref="TelemetryTags.FtpTls"/>
    /// and <see cref="TelemetryTags.FtpReopened"/> (it replaced a kept connection the server had closed).
    /// </summary>
    public static readonly Counter<long> FtpConnections = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.ftp.connections", "{connection}", "FTP control connections opened (logins), by server and whether one replaced a kept connection the server had closed.");

    /// <summary>The duration of FTP uploads, with the tags of <see cref="FtpUploads"/>.</summary>
    public static readonly Histogram<double> FtpUploadDuration = ClarityConnectTelemetry.Meter.CreateHistogram<double>(
        "clarityconnect.ftp.upload.duration", "s", "How long an FTP upload took, connection and login included.", tags: null, advice: ClarityConnectTelemetry.DurationAdvice);
}
