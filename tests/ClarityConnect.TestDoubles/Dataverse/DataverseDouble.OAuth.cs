using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>The double's Entra ID v2 endpoints and token bookkeeping.</summary>
public sealed partial class DataverseDouble
{
    private readonly Dictionary<string, (string? Challenge, string RedirectUri, bool Used)> authorizationCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> accessTokens = new(StringComparer.Ordinal);
    private bool refreshTokensRevoked;

    /// <summary>The number of access tokens the token endpoint has issued.</summary>
    public int IssuedAccessTokenCount { get; private set; }

    /// <summary>
    /// When true, the administrator declines consent on the sign-in page: Entra ID redirects back to the callback with
    /// <c>error=access_denied</c>, an AADSTS65004 <c>error_description</c> and the <c>state</c>, and issues no code.
    /// Default false (the administrator consents).
    /// </summary>
    public bool DeniesAuthorization { get; set; }

    /// <summary>The <c>expires_in</c> of issued access tokens. Default 3599 seconds, as Entra ID.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>Issues an authorization code as if an administrator had just consented in a browser: the token endpoint then
    /// redeems it once, for this <paramref name="redirectUri"/>, and (when <paramref name="codeChallenge"/> is given) only with the
    /// matching PKCE <c>code_verifier</c>.</summary>
    public string IssueAuthorizationCode(string? codeChallenge, Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var code = "0.AX" + RandomToken(48);
        lock (sync)
        {
            authorizationCodes[code] = (codeChallenge, redirectUri.AbsoluteUri, false);
        }

        return code;
    }

    /// <summary>A valid refresh token, as if the authorization-code flow had completed (for tests that start authorized).</summary>
    public string IssueRefreshToken()
    {
        var token = "1.AR" + RandomToken(64);
        lock (sync)
        {
            refreshTokens.Add(token);
        }

        return token;
    }

    /// <summary>True when <paramref name="refreshToken"/> is currently valid (not rotated away, not revoked).</summary>
    public bool IsValidRefreshToken(string refreshToken)
    {
        lock (sync)
        {
            return refreshTokens.Contains(refreshToken);
        }
    }

    /// <summary>Revokes every refresh token (and the access tokens): later refreshes get 400 <c>invalid_grant</c> with an AADSTS50173 description.</summary>
    public void RevokeRefreshTokens()
    {
        lock (sync)
        {
            refreshTokens.Clear();
            accessTokens.Clear();
            refreshTokensRevoked = true;
        }
    }

    /// <summary>Invalidates every access token: Web API calls get 401 until the client gets a new token.</summary>
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
            return token is not null && accessTokens.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;
        }
    }

    private async Task HandleOAuthAsync(HttpContext context, DataverseDoubleRequest request)
    {
        switch (request.Path)
        {
            case "/tenant/oauth2/v2.0/token" when request.Method == "POST":
                await TokenAsync(context, request).ConfigureAwait(false);
                break;
            case "/tenant/oauth2/v2.0/authorize" when request.Method == "GET":
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
                        ["error_description"] = "AADSTS65004: User declined to consent to access the app.",
                        ["state"] = query["state"],
                    }));
                    return;
                }

                var code = IssueAuthorizationCode(query.TryGetValue("code_challenge", out var c) ? c.ToString() : null, redirect);
                context.Response.Redirect(QueryHelpers.AddQueryString(redirect.AbsoluteUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private async Task TokenAsync(HttpContext context, DataverseDoubleRequest request)
    {
        context.Items[EchoedBodyKey] = request.Body;
        var form = QueryHelpers.ParseQuery(request.Body);
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;

        if (Field("client_id") != ClientId)
        {
            await OAuthErrorAsync(context, 400, "unauthorized_client", 700016, $"AADSTS700016: Application with identifier '{Field("client_id")}' was not found in the directory 'tenant'.").ConfigureAwait(false);
            return;
        }

        if (Field("client_secret") != ClientSecret)
        {
            await OAuthErrorAsync(context, 401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.").ConfigureAwait(false);
            return;
        }

        var resource = BaseUrl.GetLeftPart(UriPartial.Authority);
        var scopes = (Field("scope") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var grant = Field("grant_type");
        var resourceScopes = scopes.Where(s => s.StartsWith(resource + "/", StringComparison.OrdinalIgnoreCase)).ToList();
        if (resourceScopes.Count == 0 || (grant == "client_credentials" && (scopes.Length != 1 || scopes[0] != resource + "/.default")))
        {
            await OAuthErrorAsync(context, 400, "invalid_scope", 1002012,
                $"AADSTS1002012: The provided value for scope {Field("scope")} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).").ConfigureAwait(false);
            return;
        }

        var offline = scopes.Contains("offline_access", StringComparer.Ordinal);
        string? newRefreshToken = null;
        switch (grant)
        {
            case "authorization_code":
                var code = Field("code") ?? string.Empty;
                (int Code, string Description)? refusal = null;
                lock (sync)
                {
                    if (!authorizationCodes.TryGetValue(code, out var entry) || entry.Used)
                    {
                        refusal = (70008, "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
                    }
                    else if (entry.RedirectUri != Field("redirect_uri"))
                    {
                        refusal = (50148, "AADSTS50148: The redirect_uri does not match the redirect_uri used in the authorization request.");
                    }
                    else if (entry.Challenge is not null && !VerifierMatches(Field("code_verifier"), entry.Challenge))
                    {
                        refusal = (501481, "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.");
                    }
                    else
                    {
                        authorizationCodes[code] = entry with { Used = true };
                    }
                }

                if (refusal is { } r)
                {
                    await OAuthErrorAsync(context, 400, "invalid_grant", r.Code, r.Description).ConfigureAwait(false);
                    return;
                }

                break;

            case "refresh_token":
                var presented = Field("refresh_token") ?? string.Empty;
                bool known, revoked;
                lock (sync)
                {
                    // Rotation: the presented token is spent; the answer carries its successor.
                    known = refreshTokens.Remove(presented);
                    revoked = refreshTokensRevoked;
                }

                if (!known)
                {
                    await OAuthErrorAsync(context, 400, "invalid_grant", revoked ? 50173 : 70008, revoked
                        ? "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password."
                        : "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.").ConfigureAwait(false);
                    return;
                }

                offline = true;
                break;

            case "client_credentials":
                offline = false;
                break;

            default:
                await OAuthErrorAsync(context, 400, "unsupported_grant_type", 70003, "AADSTS70003: The app requested an unsupported grant type.").ConfigureAwait(false);
                return;
        }

        if (offline)
        {
            newRefreshToken = IssueRefreshToken();
        }

        var accessToken = "eyJ0eXAiOiJKV1Qi." + RandomToken(96);
        lock (sync)
        {
            accessTokens[accessToken] = DateTimeOffset.UtcNow + AccessTokenLifetime;
            IssuedAccessTokenCount++;
        }

        var seconds = ((long)AccessTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = grant == "client_credentials" ? resource + "/.default" : $"{resource}/user_impersonation",
            ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = accessToken,
        };
        if (newRefreshToken is not null)
        {
            body["refresh_token"] = newRefreshToken;
        }

        await WriteJsonAsync(context, 200, body).ConfigureAwait(false);
    }

    private const string EchoedBodyKey = "dataverse-double-echoed-body";

    private Task OAuthErrorAsync(HttpContext context, int status, string error, int code, string description)
    {
        if (EchoCredentialsInErrors && context.Items[EchoedBodyKey] is string body)
        {
            description = $"{description} Request: {body}";
        }

        return WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"{description}\r\nTrace ID: {Guid.NewGuid()}\r\nCorrelation ID: {Guid.NewGuid()}\r\nTimestamp: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ssZ}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ssZ", CultureInfo.InvariantCulture),
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = Guid.NewGuid().ToString(),
        });
    }

    private static bool VerifierMatches(string? verifier, string challenge)
    {
        if (string.IsNullOrEmpty(verifier))
        {
            return false;
        }

        var computed = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    private static string RandomToken(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
