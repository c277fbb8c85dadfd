using System.Net;
using System.Text.Json;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>Reads a token endpoint's HTTP response: the token on success, an <see cref="OAuthException"/> otherwise.</summary>
public static class OAuthTokenResponseReader
{
    /// <summary>Parses <paramref name="response"/>; throws <see cref="OAuthException"/> for an OAuth error body or a malformed answer.</summary>
    /// <remarks>Messages never include the response body verbatim, because a success body holds tokens.</remarks>
    public static async Task<OAuthTokenResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        if (!response.IsSuccessStatusCode)
        {
            var error = TryDeserialize(body, OAuthJsonContext.Default.OAuthErrorResponse);
            if (!string.IsNullOrWhiteSpace(error?.Error))
            {
                throw new OAuthException(error.Error, error.ErrorDescription, response.StatusCode);
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
