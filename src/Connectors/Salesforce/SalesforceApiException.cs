using System.Net;
using System.Text;
using System.Text.Json;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Salesforce answered a REST call with an error status and its JSON error array.</summary>
/// <remarks>The message holds the status and the errors Salesforce sent; never the access token or any secret.</remarks>
public sealed class SalesforceApiException : Exception, ICrmApiError
{
    /// <summary>Creates the exception from a status and the parsed error array.</summary>
    public SalesforceApiException(HttpStatusCode statusCode, IReadOnlyList<SalesforceError> errors)
        : base(FormatMessage(statusCode, errors))
    {
        StatusCode = statusCode;
        Errors = errors;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The errors Salesforce listed (at least one; synthesized as <c>HTTP_{status}</c> when the body was not an error array).</summary>
    public IReadOnlyList<SalesforceError> Errors { get; }

    /// <summary>The first error's code, e.g. <c>INVALID_FIELD</c>.</summary>
    public string ErrorCode => Errors.Count > 0 ? Errors[0].ErrorCode : string.Empty;

    /// <summary>True for failures worth retrying later (503, 502, 504, 429, <c>REQUEST_LIMIT_EXCEEDED</c>, <c>UNABLE_TO_LOCK_ROW</c>)
    /// that were still failing when the connector's own retries ran out.</summary>
    public bool IsTransient =>
        StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests
        || Errors.Any(e => e.ErrorCode is "REQUEST_LIMIT_EXCEEDED" or "UNABLE_TO_LOCK_ROW" || e.Message.Contains("UNABLE_TO_LOCK_ROW", StringComparison.Ordinal));

    /// <summary>Reads an error response into an exception, leaving the response readable (its body is buffered).</summary>
    internal static async Task<SalesforceApiException> ReadAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new SalesforceApiException(response.StatusCode, Redact(ParseErrors(response.StatusCode, body), redactor));
    }

    /// <summary><paramref name="errors"/> with the known secrets removed from their codes, messages and fields.</summary>
    internal static IReadOnlyList<SalesforceError> Redact(IReadOnlyList<SalesforceError> errors, SecretRedactor redactor) =>
        redactor.IsEmpty
            ? errors
            : errors.Select(e => e with
            {
                ErrorCode = redactor.Redact(e.ErrorCode),
                Message = redactor.Redact(e.Message),
                Fields = e.Fields?.Select(f => redactor.Redact(f)).ToList(),
            }).ToList();

    /// <summary>Parses Salesforce's error array; a body of any other shape becomes one <c>HTTP_{status}</c> error.</summary>
    internal static IReadOnlyList<SalesforceError> ParseErrors(HttpStatusCode statusCode, ReadOnlySpan<byte> body)
    {
        if (!body.IsEmpty)
        {
            try
            {
                var errors = JsonSerializer.Deserialize(body, SalesforceJsonContext.Default.ListSalesforceError);
                if (errors is { Count: > 0 })
                {
                    return errors;
                }
            }
            catch (JsonException)
            {
                // Not the documented array (a proxy's HTML page, a bare object): fall through.
            }
        }

        return [new SalesforceError { ErrorCode = $"HTTP_{(int)statusCode}", Message = $"Salesforce answered {HttpStatusText.Of(statusCode)} without an error array." }];
    }

    private static string FormatMessage(HttpStatusCode statusCode, IReadOnlyList<SalesforceError> errors)
    {
        var text = new StringBuilder($"Salesforce answered {HttpStatusText.Of(statusCode)}");
        foreach (var error in errors)
        {
            text.Append("; ").Append(error.ErrorCode).Append(": ").Append(error.Message.Trim());
        }

        return text.ToString();
    }
}
