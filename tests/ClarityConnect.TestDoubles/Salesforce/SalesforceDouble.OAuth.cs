using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>The double's OAuth 2.0 endpoints and token bookkeeping.</summary>
public sealed partial class SalesforceDouble
{
    private readonly Dictionary<string, (string? Challenge, string RedirectUri, bool Used)> authorizationCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> accessTokens = new(StringComparer.Ordinal);

    /// <summary>The number of access tokens the token endpoint has issued.</summary>
    public int IssuedAccessTokenCount { get; private set; }

    /// <summary>
    /// When true, the administrator clicks "Deny" on the authorize page: Salesforce redirects back to the callback with
    /// <c>error=access_denied&amp;error_description=end-user denied authorization</c> and the <c>state</c>, and issues no code.
    /// Default false (the administrator clicks "Allow").
    /// </summary>
    public bool DeniesAuthorization { get; set; }

    /// <summary>Issues an authorization code as if an administrator had just approved the connected app in a browser:
    /// the token endpoint then exchanges it once, for this <paramref name="redirectUri"/>, and (when
    /// <paramref name="codeChallenge"/> is given) only with the matching PKCE <c>code_verifier</c>.</summary>
    public string IssueAuthorizationCode(string? codeChallenge, Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var code = "aPrx" + RandomToken(24);
        lock (sync)
        {
            authorizationCodes[code] = (codeChallenge, redirectUri.AbsoluteUri, false);
        }

        return code;
    }

    /// <summary>A valid refresh token, as if the web-server flow had completed (for tests that start authorized).</summary>
    public string IssueRefreshToken()
    {
        var token = "5Aep" + RandomToken(40);
        lock (sync)
        {
            refreshTokens.Add(token);
        }

        return token;
    }

    /// <summary>Revokes one refresh token (or all when null) and the access tokens issued from it:
    /// later refreshes get 400 <c>invalid_grant</c> "expired access/refresh token".</summary>
    public void RevokeRefreshToken(string? refreshToken = null)
    {
        lock (sync)
        {
            var revoked = refreshToken is null ? refreshTokens.ToList() : [refreshToken];
            foreach (var token in revoked)
            {
                refreshTokens.Remove(token);
                foreach (var access in accessTokens.Where(a => a.Value == token).Select(a => a.Key).ToList())
                {
                    accessTokens.Remove(access);
                }
            }
        }
    }

    /// <summary>Invalidates every access token, as a session timeout does: REST calls get 401 <c>INVALID_SESSION_ID</c> until the client refreshes.</summary>
    public void ExpireAccessTokens()
    {
        lock (sync)
        {
            accessTokens.Clear();
        }
    }

    private bool IsValidAccessToken(string? token)
    {
        lock (sync)
        {
            return token is not null && accessTokens.ContainsKey(token);
        }
    }

    private async Task HandleOAuthAsync(HttpContext context, SalesforceDoubleRequest request)
    {
        switch (request.Path)
        {
            case "/services/oauth2/token" when request.Method == "POST":
                await TokenAsync(context, request).ConfigureAwait(false);
                break;
            case "/services/oauth2/authorize" when request.Method == "GET":
                Authorize(context);
                break;
            case "/services/oauth2/revoke":
                var form = request.Method == "POST" ? QueryHelpers.ParseQuery(request.Body) : QueryHelpers.ParseQuery(request.QueryString);
                var token = form.TryGetValue("token", out var t) ? t.ToString() : string.Empty;
                bool isRefreshToken, removed;
                lock (sync)
                {
                    isRefreshToken = refreshTokens.Contains(token);
                    removed = !isRefreshToken && accessTokens.Remove(token);
                }

                if (isRefreshToken)
                {
                    RevokeRefreshToken(token);
                }
                else if (!removed)
                {
                    await OAuthErrorAsync(context, "invalid_token", "invalid token").ConfigureAwait(false);
                    return;
                }

                context.Response.StatusCode = 200;
                break;
            default:
                throw new SalesforceDoubleException(404, "NOT_FOUND", "The requested resource does not exist");
        }
    }

    private void Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || !Uri.TryCreate(query["redirect_uri"], UriKind.Absolute, out var redirect))
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (DeniesAuthorization)
        {
            context.Response.Redirect(QueryHelpers.AddQueryString(redirect.AbsoluteUri, new Dictionary<string, string?>
            {
                ["error"] = "access_denied",
                ["error_description"] = "end-user denied authorization",
                ["state"] = query["state"],
            }));
            return;
        }

        var challenge = query.TryGetValue("code_challenge", out var c) ? c.ToString() : null;
        var code = IssueAuthorizationCode(challenge, redirect);
        var location = QueryHelpers.AddQueryString(redirect.AbsoluteUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] });
        context.Response.Redirect(location);
    }

    private async Task TokenAsync(HttpContext context, SalesforceDoubleRequest request)
    {
        context.Items[EchoedBodyKey] = request.Body;
        var form = QueryHelpers.ParseQuery(request.Body);
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;

        if (Field("client_id") != ClientId)
        {
            await OAuthErrorAsync(context, "invalid_client_id", "client identifier invalid").ConfigureAwait(false);
            return;
        }

        if (Field("client_secret") != ClientSecret)
        {
            await OAuthErrorAsync(context, "invalid_client", "invalid client credentials").ConfigureAwait(false);
            return;
        }

        string? refreshToken = null;
        switch (Field("grant_type"))
        {
            case "authorization_code":
                var code = Field("code") ?? string.Empty;
                (string Error, string Description)? refusal = null;
                lock (sync)
                {
                    if (!authorizationCodes.TryGetValue(code, out var entry) || entry.Used)
                    {
                        refusal = ("invalid_grant", "invalid authorization code");
                    }
                    else if (entry.RedirectUri != Field("redirect_uri"))
                    {
                        refusal = ("invalid_grant", "redirect_uri must match configuration");
                    }
                    else if (entry.Challenge is not null && Field("code_verifier") is null)
                    {
                        // crm-wire-facts A1: a missing verifier is invalid_grant, a wrong one invalid_request.
                        refusal = ("invalid_grant", "invalid code verifier");
                    }
                    else if (entry.Challenge is not null && !VerifierMatches(Field("code_verifier")!, entry.Challenge))
                    {
                        refusal = ("invalid_request", "invalid code verifier");
                    }
                    else
                    {
                        authorizationCodes[code] = entry with { Used = true };
                        refreshToken = "5Aep" + RandomToken(40);
                        refreshTokens.Add(refreshToken);
                    }
                }

                if (refusal is { } r)
                {
                    await OAuthErrorAsync(context, r.Error, r.Description).ConfigureAwait(false);
                    return;
                }

                await IssueTokenAsync(context, refreshToken, includeRefreshToken: true).ConfigureAwait(false);
                return;

            case "refresh_token":
                refreshToken = Field("refresh_token");
                bool known;
                lock (sync)
                {
                    known = refreshToken is not null && refreshTokens.Contains(refreshToken);
                }

                if (!known)
                {
                    await OAuthErrorAsync(context, "invalid_grant", "expired access/refresh token").ConfigureAwait(false);
                    return;
                }

                await IssueTokenAsync(context, refreshToken, includeRefreshToken: false).ConfigureAwait(false);
                return;

            case "client_credentials":
                if (!ClientCredentialsEnabled)
                {
                    await OAuthErrorAsync(context, "invalid_grant", "no client credentials user enabled").ConfigureAwait(false);
                    return;
                }

                await IssueTokenAsync(context, null, includeRefreshToken: false).ConfigureAwait(false);
                return;

            default:
                await OAuthErrorAsync(context, "unsupported_grant_type", "grant type not supported").ConfigureAwait(false);
                return;
        }
    }

    private async Task IssueTokenAsync(HttpContext context, string? refreshToken, bool includeRefreshToken)
    {
        var accessToken = OrgId[..15] + "!AQ" + RandomToken(48);
        lock (sync)
        {
            accessTokens[accessToken] = refreshToken;
            IssuedAccessTokenCount++;
        }

        var issuedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var id = $"{BaseUrl.AbsoluteUri.TrimEnd('/')}/id/{OrgId}/{UserId}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret), Encoding.UTF8.GetBytes(id + issuedAt)));
        var body = new JsonObject
        {
            ["access_token"] = accessToken,
            ["signature"] = signature,
            ["scope"] = "api refresh_token",
            ["instance_url"] = BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["id"] = id,
            ["token_type"] = "Bearer",
            ["issued_at"] = issuedAt,
        };
        if (includeRefreshToken && refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        await WriteJsonAsync(context, 200, body).ConfigureAwait(false);
    }

    private const string EchoedBodyKey = "salesforce-double-echoed-body";

    private Task OAuthErrorAsync(HttpContext context, string error, string description)
    {
        if (EchoCredentialsInErrors && context.Items[EchoedBodyKey] is string body)
        {
            description = $"{description}: {body}";
        }

        return WriteJsonAsync(context, 400, new JsonObject { ["error"] = error, ["error_description"] = description });
    }

    private static bool VerifierMatches(string verifier, string challenge)
    {
        var computed = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    private static string RandomToken(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
