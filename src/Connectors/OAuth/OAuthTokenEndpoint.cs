using System.Net;
using System.Net.Http.Headers;
using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>One token request, as both CRMs' OAuth clients send it: a form POST (RFC 6749 §4.1.3, §4.4.2, §6) accepting JSON,
/// through the client's token pipeline, with the form's secrets redacted from any failure.</summary>
internal static class OAuthTokenEndpoint
{
    /// <summary>Posts <paramref name="form"/> to <paramref name="endpoint"/> and reads the token response.</summary>
    /// <param name="httpClient">The OAuth client's typed client (its handler runs the token pipeline).</param>
    /// <param name="endpoint">The token endpoint.</param>
    /// <param name="form">The grant's parameters, in the order they are sent.</param>
    /// <param name="timeout">The timeout of each attempt.</param>
    /// <param name="unavailable">Builds the connector's exception when the endpoint cannot be reached.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="OAuthException">The endpoint refused the grant or answered without an access token.</exception>
    public static async Task<(OAuthTokenResponse Token, HttpStatusCode StatusCode)> PostAsync(
        HttpClient httpClient,
        Uri endpoint,
        Dictionary<string, string> form,
        TimeSpan timeout,
        Func<string, Exception, Exception> unavailable,
        CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var redactor = OAuthTokenResponseReader.RedactorFor(form);
        using var response = await HttpConnectorTransport.SendAsync(httpClient, request, timeout, redactor, unavailable, cancellationToken).ConfigureAwait(false);
        var token = await OAuthTokenResponseReader.ReadAsync(response, redactor, cancellationToken).ConfigureAwait(false);
        return (token, response.StatusCode);
    }

    /// <summary>The refresh token of <paramref name="crm"/>'s credentials.</summary>
    /// <exception cref="InvalidOperationException">There is none.</exception>
    public static string RequireRefreshToken(string? refreshToken, string crm) =>
        string.IsNullOrEmpty(refreshToken)
            ? throw new InvalidOperationException($"The {crm} credentials have no refresh token; authorize the integration or use the client-credentials flow.")
            : refreshToken;

    /// <summary>The grant the shared token flow uses for credentials with or without a refresh token.</summary>
    public static string RenewalGrant(string? refreshToken) => refreshToken is null ? "client_credentials" : "refresh_token";
}
