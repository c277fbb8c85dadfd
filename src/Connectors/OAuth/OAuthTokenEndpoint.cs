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

    /// <summary>The authorization request of the code flow with PKCE (RFC 6749 §4.1.1, RFC 7636 §4.3): <paramref name="endpoint"/>
    /// (keeping any query it has, e.g. an Entra ID policy) with <c>response_type=code</c>, <c>client_id</c>, <c>redirect_uri</c>,
    /// <paramref name="scope"/>, <c>state</c>, <c>code_challenge</c>, <c>code_challenge_method=S256</c> and <paramref name="extra"/> parameters.</summary>
    public static Uri AuthorizationUrl(
        Uri endpoint, string clientId, Uri redirectUri, string scope, string state, string codeChallenge, params ReadOnlySpan<(string Name, string Value)> extra)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentException.ThrowIfNullOrEmpty(state);
        ArgumentException.ThrowIfNullOrEmpty(codeChallenge);
        var query = new List<string>();
        var existing = endpoint.Query.TrimStart('?');
        if (existing.Length > 0)
        {
            query.Add(existing);
        }

        foreach (var (name, value) in (ReadOnlySpan<(string, string)>)[
            ("response_type", "code"), ("client_id", clientId), ("redirect_uri", redirectUri.AbsoluteUri), ("scope", scope),
            ("state", state), ("code_challenge", codeChallenge), ("code_challenge_method", Pkce.Method), .. extra])
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }

        return new UriBuilder(endpoint) { Query = string.Join('&', query) }.Uri;
    }

    /// <summary>The form of the authorization-code grant with PKCE (RFC 6749 §4.1.3, RFC 7636 §4.5); <paramref name="scope"/> is sent when given.</summary>
    public static Dictionary<string, string> AuthorizationCodeForm(
        string clientId, string clientSecret, string? scope, string code, Uri redirectUri, string codeVerifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(redirectUri);
        ArgumentException.ThrowIfNullOrEmpty(codeVerifier);
        return Form(clientId, clientSecret, scope, "authorization_code", ("code", code), ("redirect_uri", redirectUri.AbsoluteUri), ("code_verifier", codeVerifier));
    }

    /// <summary>The form of the refresh-token grant (RFC 6749 §6).</summary>
    /// <exception cref="InvalidOperationException">The credentials of <paramref name="crm"/> have no refresh token.</exception>
    public static Dictionary<string, string> RefreshTokenForm(string crm, string clientId, string clientSecret, string? scope, string? refreshToken) =>
        string.IsNullOrEmpty(refreshToken)
            ? throw new InvalidOperationException($"The {crm} credentials have no refresh token; authorize the integration or use the client-credentials flow.")
            : Form(clientId, clientSecret, scope, "refresh_token", ("refresh_token", refreshToken));

    /// <summary>The form of the client-credentials grant (RFC 6749 §4.4.2).</summary>
    public static Dictionary<string, string> ClientCredentialsForm(string clientId, string clientSecret, string? scope) =>
        Form(clientId, clientSecret, scope, "client_credentials");

    // The client authenticates with client_id and client_secret in the body (RFC 6749 §2.3.1), as both CRMs document.
    private static Dictionary<string, string> Form(
        string clientId, string clientSecret, string? scope, string grantType, params ReadOnlySpan<(string Name, string Value)> parameters)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grantType };
        foreach (var (name, value) in parameters)
        {
            form[name] = value;
        }

        form["client_id"] = clientId;
        form["client_secret"] = clientSecret;
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return form;
    }

    /// <summary>The grant the shared token flow uses for credentials with or without a refresh token.</summary>
    public static string RenewalGrant(string? refreshToken) => refreshToken is null ? "client_credentials" : "refresh_token";
}
