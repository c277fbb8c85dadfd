using System.Globalization;
using ClarityConnect.Connectors.Csi;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Ftp;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Salesforce;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Telemetry;

/// <summary>
/// Turns a failure into the low-cardinality code that spans and metrics carry as <see cref="TelemetryTags.ErrorType"/>:
/// the remote system's own error code where it has one (<c>REQUEST_LIMIT_EXCEEDED</c>, <c>0x80040217</c>,
/// <c>invalid_grant</c>, an FTP reply code), otherwise a name for the kind of failure. Never an exception message: those
/// may quote the query, and with it the caller's data.
/// </summary>
public static class TelemetryErrors
{
    private const int MaxCodeLength = 64;

    /// <summary>The code of <paramref name="failure"/>, looking through wrapping exceptions to the connector's own.</summary>
    public static string TypeOf(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (Known(current) is { } code)
            {
                return code;
            }
        }

        return failure.GetType().Name;
    }

    /// <summary>A remote system's code as a tag value: letters, digits, <c>_ . -</c>, at most 64 characters; anything else is <c>other</c>.</summary>
    public static string Code(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= MaxCodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? code
            : "other";

    private static string? Known(Exception failure) => failure switch
    {
        SalesforceApiException salesforce => Code(salesforce.ErrorCode),
        DataverseApiException dataverse => string.IsNullOrEmpty(dataverse.ErrorCode)
            ? "HTTP_" + ((int)dataverse.StatusCode).ToString(CultureInfo.InvariantCulture)
            : Code(dataverse.ErrorCode),
        OAuthException oauth => Code(oauth.Error),
        FtpException { ReplyCode: { } reply } => "FTP_" + reply.ToString(CultureInfo.InvariantCulture),
        CrmNotConfiguredException => "not_configured",
        TimeoutRejectedException or TimeoutException => "timeout",
        BrokenCircuitException => "circuit_open",
        RateLimiterRejectedException => "queue_full",
        HttpRequestException { StatusCode: { } status } => "HTTP_" + ((int)status).ToString(CultureInfo.InvariantCulture),
        HttpRequestException http => "http_" + http.HttpRequestError.ToString().ToLowerInvariant(),
        CsiException or FtpException or SalesforceUnavailableException or DataverseUnavailableException => null,
        OperationCanceledException => "cancelled",
        _ => null,
    };
}
