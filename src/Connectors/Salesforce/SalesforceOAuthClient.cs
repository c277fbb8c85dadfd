using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Salesforce's OAuth 2.0 endpoints: the web-server flow with PKCE, the refresh-token grant and the client-credentials grant.</summary>
/// <remarks>A typed <see cref="HttpClient"/> registered by <see cref="SalesforceServiceCollectionExtensions.AddSalesforceConnector"/>.
/// Token-endpoint refusals surface as <see cref="OAuthException"/>; neither tokens nor secrets appear in messages.</remarks>
public sealed class SalesforceOAuthClient(HttpClient httpClient, TimeProvider timeProvider)
    : ICrmTokenGrant<SalesforceCredentials>, ICrmAuthorizationCodeGrant<SalesforceCredentials>
{
    /// <summary>The scopes requested by <see cref="BuildAuthorizationUrl"/>.</summary>
    public const string DefaultScope = "api refresh_token";

    /// <inheritdoc />
    public string Issuer => "Salesforce";

    /// <inheritdoc />
    /// <remarks>Salesforce returns a refresh token only when the connected app allows the <c>refresh_token</c> scope (<see cref="DefaultScope"/>).</remarks>
    public string NoRefreshTokenMessage => "Salesforce returned no refresh token; the connected app needs the refresh_token scope.";

    /// <inheritdoc />
    /// <remarks><c>{LoginUrl}/services/oauth2/authorize</c> with <c>response_type=code</c>, <c>client_id</c>,
    /// <c>redirect_uri</c>, <c>state</c>, <c>code_challenge</c>, <c>code_challenge_method=S256</c> and
    /// <c>scope=api refresh_token</c>.</remarks>
    public Uri BuildAuthorizationUrl(SalesforceCredentials credentials, Uri redirectUri, string state, string codeChallenge)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return OAuthTokenEndpoint.AuthorizationUrl(Endpoint(credentials, "authorize"), credentials.ConsumerKey, redirectUri, DefaultScope, state, codeChallenge);
    }

    /// <inheritdoc />
    /// <exception cref="OAuthException">Salesforce refused the exchange (a wrong verifier gives <c>invalid_request</c>, a used or expired code <c>invalid_grant</c>).</exception>
    public Task<CrmAccessToken> ExchangeCodeAsync(
        SalesforceCredentials credentials, string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return RequestTokenAsync(credentials, OAuthTokenEndpoint.AuthorizationCodeForm(
            credentials.ConsumerKey, credentials.ConsumerSecret, scope: null, code, redirectUri, codeVerifier), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Salesforce names the user by the token's identity URL (<c>id</c>).</remarks>
    public string? AuthorizedAs(SalesforceCredentials credentials, CrmAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.IdentityUrl?.ToString();
    }

    /// <inheritdoc />
    /// <remarks>Salesforce's answer carries no refresh token: the one in the credentials stays in use.</remarks>
    public Task<CrmAccessToken> RefreshAsync(SalesforceCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return RequestTokenAsync(credentials, OAuthTokenEndpoint.RefreshTokenForm(
            "Salesforce", credentials.ConsumerKey, credentials.ConsumerSecret, scope: null, credentials.RefreshToken), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The token acts for the connected app's run-as user; Salesforce accepts this grant only on the org's My Domain login URL.</remarks>
    public Task<CrmAccessToken> ClientCredentialsAsync(SalesforceCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return RequestTokenAsync(credentials, OAuthTokenEndpoint.ClientCredentialsForm(credentials.ConsumerKey, credentials.ConsumerSecret, scope: null), cancellationToken);
    }

    private async Task<CrmAccessToken> RequestTokenAsync(
        SalesforceCredentials credentials, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var (token, status) = await OAuthTokenEndpoint.PostAsync(
            httpClient,
            Endpoint(credentials, "token"),
            form,
            credentials.RequestTimeout,
            (failure, ex) => new SalesforceUnavailableException($"The Salesforce token endpoint could not be reached: {failure}", ex),
            cancellationToken).ConfigureAwait(false);

        if (!Uri.TryCreate(token.InstanceUrl, UriKind.Absolute, out var instanceUrl) || instanceUrl.Scheme is not ("https" or "http"))
        {
            throw new OAuthException("invalid_response", "the token response has no valid instance_url", status);
        }

        VerifySignature(credentials, token);

        // Salesforce sends no expires_in: the token lives as long as the org's session timeout, and a 401 is the signal.
        return new CrmAccessToken
        {
            AccessToken = token.AccessToken!,
            RefreshToken = token.RefreshToken,
            InstanceUrl = instanceUrl,
            IdentityUrl = Uri.TryCreate(token.Id, UriKind.Absolute, out var id) ? id : null,
            IssuedAt = ParseIssuedAt(token.IssuedAt) ?? timeProvider.GetUtcNow(),
            Scope = token.Scope,
        };
    }

    // Salesforce signs id + issued_at with the consumer secret (HMAC-SHA256, base64); checking it proves the
    // answer came from the org that knows our secret. Absent signatures (older flows) are accepted.
    private static void VerifySignature(SalesforceCredentials credentials, OAuthTokenResponse token)
    {
        if (token.Signature is null || token.Id is null || token.IssuedAt is null)
        {
            return;
        }

        var expected = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(credentials.ConsumerSecret),
            Encoding.UTF8.GetBytes(token.Id + token.IssuedAt));
        byte[] received;
        try
        {
            received = Convert.FromBase64String(token.Signature);
        }
        catch (FormatException)
        {
            throw new OAuthException("invalid_signature", "the token response's signature is not base64");
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            throw new OAuthException("invalid_signature", "the token response's signature does not match the consumer secret");
        }
    }

    private static DateTimeOffset? ParseIssuedAt(string? issuedAt) =>
        long.TryParse(issuedAt, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static Uri Endpoint(SalesforceCredentials credentials, string name) =>
        new(new Uri(credentials.LoginUrl.GetLeftPart(UriPartial.Authority) + "/"), "services/oauth2/" + name);
}
