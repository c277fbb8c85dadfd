using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>
/// The one place where a CRM call is authenticated: attaches the bearer token, and on a 401 renews the token
/// (single-flight, through <see cref="CrmAccessTokenStore{TCredentials}"/>) and sends the request once more. A second 401
/// is returned as it is, for the client to turn into the CRM's error.
/// </summary>
/// <remarks>
/// Registered with <c>AddHttpMessageHandler</c> on both lanes of a CRM's REST client, outside the resilience pipeline, so
/// that the repeated request passes the lane's limiter and breaker like any other. The request is sent again as it is:
/// its content must be re-readable (<see cref="CrmRequestOptions.CanResend"/>): byte-array and string contents are
/// buffered already, and a stream content only when its client marks it (a seekable stream, which
/// <see cref="StreamContent"/> rewinds). Otherwise the token is still renewed, for the next call, and the 401 returned.
/// </remarks>
/// <typeparam name="TCredentials">The CRM's credentials.</typeparam>
public sealed class CrmAccessTokenHandler<TCredentials>(CrmAccessTokenStore<TCredentials> tokens, ILogger<CrmAccessTokenHandler<TCredentials>> logger)
    : DelegatingHandler
    where TCredentials : class, ICrmCredentials<TCredentials>
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(CrmRequestOptions.AccessToken, out var token))
        {
            (token, _) = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        }

        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        CrmLog.TokenRejected(logger, tokens.Crm, request.Method, path);
        CrmAccessToken renewed;
        try
        {
            (renewed, _) = await tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (!CrmRequestOptions.CanResend(request))
        {
            CrmLog.NotResent(logger, tokens.Crm, request.Method, path);
            return response;
        }

        response.Dispose();
        Rebase(request, token.InstanceUrl, renewed.InstanceUrl);
        Authorize(request, renewed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Authorize(HttpRequestMessage request, CrmAccessToken token)
    {
        // The client reads the token back to redact it from error texts.
        request.Options.Set(CrmRequestOptions.AccessToken, token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    // A renewed Salesforce token may name another instance (the org moved); a request built for the old one follows it.
    private static void Rebase(HttpRequestMessage request, Uri from, Uri to)
    {
        if (request.RequestUri is { } uri
            && SameServer(uri, from)
            && !SameServer(uri, to))
        {
            request.RequestUri = new Uri(new Uri(to.GetLeftPart(UriPartial.Authority)), uri.PathAndQuery);
        }

        static bool SameServer(Uri a, Uri b) =>
            Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
