using System.Net;
using System.Text.Json;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>Reads a token endpoint's HTTP response: the token on success, an <see cref="OAuthException"/> otherwise.</summary>
public static class OAuthTokenResponseReader
{
    /// <summary>The form fields of a token request whose values are secrets an identity provider may echo.</summary>
    public static readonly IReadOnlySet<string> SecretFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "client_secret", "refresh_token", "code", "code_verifier", "client_assertion", "password", "assertion",
    };

    /// <summary>
    /// The redactor for the answer to a token request with <paramref name="form"/>: its secret fields, and the Basic
    /// form of <c>client_id:client_secret</c>.
    /// </summary>
    public static SecretRedactor RedactorFor(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var redactor = SecretRedactor.For(form.Where(f => SecretFields.Contains(f.Key)).Select(f => f.Value));
        return redactor.WithBasic(form.GetValueOrDefault("client_id"), form.GetValueOrDefault("client_secret"));
    }

    /// <summary>Parses <paramref name="response"/>; throws <see cref="OAuthException"/> for an OAuth error body or a malformed answer.</summary>
    /// <param name="response">The token endpoint's answer.</param>
    /// <param name="redactor">The secrets of the request (<see cref="RedactorFor"/>): identity providers echo them in
    /// <c>error_description</c> (<c>client_secret=…</c>), so they are removed before the text reaches an exception.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <remarks>Messages never include the response body verbatim, because a success body holds tokens.</remarks>
    public static async Task<OAuthTokenResponse> ReadAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(redactor);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        if (!response.IsSuccessStatusCode)
        {
            var error = TryDeserialize(body, OAuthJsonContext.Default.OAuthErrorResponse);
            if (!string.IsNullOrWhiteSpace(error?.Error))
            {
                throw new OAuthException(redactor.Redact(error.Error), redactor.Redact(error.ErrorDescription), response.StatusCode);
            }

            throw new OAuthException(
                response.StatusCode is HttpStatusCode.TooManyRequests ? "rate_limit_exceeded" : "server_error",
                $"HTTP {(int)response.StatusCode} without an OAuth error body",
                response.StatusCode);
        }

        var token = TryDeserialize(body, OAuthJsonContext.Default.OAuthTokenResponse);
        if (string.IsNullOrWhiteSpace(token?.AccessToken))
        {
            throw new OAuthException("invalid_response", "the token response has no access_token", response.StatusCode);
        }

        return token;
    }

    private static T? TryDeserialize<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
