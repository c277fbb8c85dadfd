using System.Net.Http.Headers;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>Reads a CRM's failed answer into the CRM's exception, the request's secrets removed from its text.</summary>
/// <typeparam name="TError">The CRM's exception.</typeparam>
/// <param name="response">The failed answer.</param>
/// <param name="redactor">The secrets the request carried (access token, client secret, refresh token).</param>
/// <param name="cancellationToken">Cancels the read.</param>
internal delegate Task<TError> CrmFailureReader<TError>(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken);

/// <summary>
/// Sends one CRM REST call on a lane, as both CRM clients do: takes a usable token from the store, lets the caller build the
/// request for that token's instance, sends it through the lane (<see cref="CrmAccessTokenHandler{TCredentials}"/> attaches the
/// token and renews it on a 401), and returns a successful answer or throws the CRM's error with the secrets removed.
/// </summary>
/// <typeparam name="TCredentials">The CRM's credentials.</typeparam>
/// <typeparam name="TError">The CRM's error.</typeparam>
internal sealed class CrmRestSender<TCredentials, TError>(
    HttpClient httpClient,
    HttpConnectorLane lane,
    CrmAccessTokenStore<TCredentials> tokens,
    Func<string, Exception, Exception> unavailable,
    CrmFailureReader<TError> readFailure,
    ILogger logger)
    where TCredentials : class, ICrmCredentials<TCredentials>
    where TError : Exception, ICrmApiError
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <summary>The token store (the instance URL of the current token, renewal).</summary>
    public CrmAccessTokenStore<TCredentials> Tokens => tokens;

    /// <summary>Sends the request <paramref name="build"/> makes for a usable token and its credentials.</summary>
    /// <param name="build">Builds the request; it may be called with a renewed token's instance in mind only once.</param>
    /// <param name="timeout">The attempt timeout; the credentials' request timeout when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<HttpResponseMessage> SendAsync(
        Func<CrmAccessToken, TCredentials, HttpRequestMessage> build, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var (token, credentials) = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        var request = build(token, credentials);
        request.Options.Set(CrmRequestOptions.AccessToken, token);
        request.Headers.Accept.Add(Json);
        var response = await HttpConnectorTransport.SendAsync(
            httpClient,
            lane,
            request,
            timeout ?? credentials.RequestTimeout,
            Redactor(token, credentials),
            unavailable,
            cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        // After a renewal the handler left the token it sent last; that is the one the answer may quote.
        var sent = request.Options.TryGetValue(CrmRequestOptions.AccessToken, out var last) ? last : token;
        TError error;
        using (response)
        {
            error = await readFailure(response, Redactor(sent, credentials), cancellationToken).ConfigureAwait(false);
        }

        CrmLog.CallFailed(logger, tokens.Crm, request.Method, request.RequestUri?.AbsolutePath ?? string.Empty, error.StatusCode, error.ErrorCode);
        throw error;
    }

    /// <summary>The secrets a request with <paramref name="token"/> and <paramref name="credentials"/> carries.</summary>
    public static SecretRedactor Redactor(CrmAccessToken token, TCredentials credentials) => credentials.Secrets.With(token.AccessToken);
}
