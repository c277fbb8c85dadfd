using System.Net;
using System.Text.Json;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Dataverse answered a Web API call with an error status and (usually) its <c>{"error":{"code","message"}}</c> body.</summary>
/// <remarks>The message holds the status, the code and Dataverse's message; never the access token or any secret.</remarks>
public sealed class DataverseApiException : Exception, ICrmApiError
{
    /// <summary>Creates the exception from a status and Dataverse's error code and message.</summary>
    public DataverseApiException(HttpStatusCode statusCode, string? errorCode, string errorMessage)
        : base(FormatMessage(statusCode, errorCode, errorMessage))
    {
        StatusCode = statusCode;
        ErrorCode = errorCode ?? string.Empty;
        ErrorMessage = errorMessage;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Dataverse's <c>error.code</c>, e.g. <c>0x80040265</c>; often empty, and not the HTTP status (crm-wire-facts B2).</summary>
    public string ErrorCode { get; }

    /// <summary>Dataverse's <c>error.message</c>, e.g. "There is an unterminated literal at position 21 in …".</summary>
    public string ErrorMessage { get; }

    /// <summary>True for failures worth retrying later (429 service protection limits, 502, 503, 504) that were still failing
    /// when the connector's own retries ran out.</summary>
    public bool IsTransient =>
        StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>Reads an error response into an exception, leaving the response readable (its body is buffered).</summary>
    internal static async Task<DataverseApiException> ReadAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (code, message) = ParseError(body);
        return new DataverseApiException(
            response.StatusCode,
            redactor.Redact(code),
            redactor.Redact(message) ?? $"Dataverse answered {HttpStatusText.Of(response.StatusCode)} without an error body.");
    }

    /// <summary>Parses <c>{"error":{"code","message"}}</c>; nulls for a body of any other shape.</summary>
    internal static (string? Code, string? Message) ParseError(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, null);
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, DataverseJsonContext.Default.DataverseErrorEnvelope)?.Error;
            return (error?.Code, string.IsNullOrWhiteSpace(error?.Message) ? null : error.Message);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or another shape: the status alone describes it.
            return (null, null);
        }
    }

    private static string FormatMessage(HttpStatusCode statusCode, string? errorCode, string errorMessage) =>
        string.IsNullOrEmpty(errorCode)
            ? $"Dataverse answered {HttpStatusText.Of(statusCode)}: {errorMessage.Trim()}"
            : $"Dataverse answered {HttpStatusText.Of(statusCode)}; {errorCode}: {errorMessage.Trim()}";
}
