using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ClarityConnect.TestDoubles.OpenIdConnect;

/// <summary>
/// An OpenID Connect provider on loopback HTTPS (a self-signed certificate for 127.0.0.1, <see cref="Certificate"/>), for
/// the site's sign-in: discovery (<c>/.well-known/openid-configuration</c>), the signing keys (<c>/jwks</c>), the
/// authorization endpoint (<c>/authorize</c>: the <see cref="SignedInUser"/> is already signed in at the provider, so it
/// redirects back with a code, straight away or from a page of its own, <see cref="AsksToContinue"/>) and the token endpoint (<c>/token</c>: an RS256-signed id_token). Strict as the
/// specifications are for a confidential client using PKCE: OpenID Connect Core 1.0 §3.1.2.1 (openid scope, registered
/// redirect_uri), RFC 6749 §4.1 (a code used once, the same redirect_uri at the token endpoint, client authentication),
/// RFC 7636 (S256 challenge required, verifier checked), and a nonce required and echoed in the id_token.
/// </summary>
public sealed class OpenIdProviderDouble : IAsyncDisposable
{
    private const string KeyId = "double-key-1";

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly LoopbackServer _server;

    /// <summary>A provider with its own certificate and signing key; call <see cref="StartAsync"/>.</summary>
    public OpenIdProviderDouble()
    {
        Certificate = SelfSignedLoopbackCertificate();
        _server = new LoopbackServer(HandleAsync, "OpenID provider", Certificate);
    }

    /// <summary>The provider's TLS certificate: self-signed for 127.0.0.1, trusted only by whoever pins it.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The issuer and authority: <c>https://127.0.0.1:{port}</c>, without a trailing slash, as the id_token's <c>iss</c> says.</summary>
    public string Issuer => _server.BaseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>The registered client id.</summary>
    public string ClientId { get; set; } = "clarityconnect-site";

    /// <summary>The registered client secret.</summary>
    public string ClientSecret { get; set; } = "oidc-client-secret-" + Guid.NewGuid().ToString("n");

    /// <summary>The redirect URI registered for the client; an authorization request naming any other is refused.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Who is signed in at the provider; the codes it issues are for them.</summary>
    public OpenIdUser SignedInUser { get; set; } = new("admin-1", "Ada Admin", ["ClarityConnect.Admin"]);

    /// <summary>
    /// Whether <c>/authorize</c> shows a page of its own with a "Continue as {name}" link back (as a provider's sign-in or
    /// consent page does) instead of redirecting straight back.
    /// </summary>
    public bool AsksToContinue { get; set; }

    /// <summary>What the provider refused, and why (for a test's failure message).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>How many id_tokens the token endpoint issued.</summary>
    public int TokensIssued => _tokensIssued;

    private int _tokensIssued;

    /// <summary>Starts the provider.</summary>
    public Task StartAsync() => _server.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _signingKey.Dispose();
        Certificate.Dispose();
    }

    private Task HandleAsync(HttpContext context) => (context.Request.Method, context.Request.Path.Value) switch
    {
        ("GET", "/.well-known/openid-configuration") => Results.Json(Discovery()).ExecuteAsync(context),
        ("GET", "/jwks") => Results.Json(Jwks()).ExecuteAsync(context),
        ("GET", "/authorize") => AuthorizeAsync(context),
        ("POST", "/token") => TokenAsync(context),
        _ => Results.NotFound().ExecuteAsync(context),
    };

    private object Discovery() => new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["scopes_supported"] = new[] { "openid", "profile" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["claims_supported"] = new[] { "sub", "name", "roles", "nonce" },
    };

    private object Jwks()
    {
        var parameters = _signingKey.ExportParameters(false);
        return new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) } } };
    }

    private async Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string? One(string name) => query[name].Count == 1 ? query[name][0] : null;
        var redirectUri = One("redirect_uri");

        // RFC 6749 §4.1.2.1: with an unknown client or an unregistered redirect URI, never redirect; say so to the user.
        if (One("client_id") != ClientId || redirectUri is null || redirectUri != RedirectUri)
        {
            await RefuseAsync(context, HttpStatusCode.BadRequest, "invalid_request", $"unknown client_id or redirect_uri '{redirectUri}' is not registered");
            return;
        }

        var state = One("state");
        string? problem = (One("response_type"), One("scope")?.Split(' ')) switch
        {
            (not "code", _) => "unsupported_response_type",
            (_, null) => "invalid_scope",
            (_, var scopes) when !scopes.Contains("openid") => "invalid_scope",
            _ => null,
        };
        var detail = problem ?? (One("code_challenge_method") != "S256" || One("code_challenge") is not { Length: 43 } ? "PKCE with S256 is required" : null)
            ?? (string.IsNullOrEmpty(One("nonce")) ? "a nonce is required" : null)
            ?? (One("response_mode") is not (null or "query") ? "only response_mode=query is supported" : null)
            ?? (string.IsNullOrEmpty(state) ? "a state is required" : null);
        if (detail is not null)
        {
            Refusals.Enqueue($"authorize: {detail}");
            context.Response.Redirect(redirectUri + QueryString.Create(new Dictionary<string, string?> { ["error"] = problem ?? "invalid_request", ["error_description"] = detail, ["state"] = state }));
            return;
        }

        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Grant(redirectUri, One("code_challenge")!, One("nonce")!, SignedInUser);
        var back = redirectUri + QueryString.Create(new Dictionary<string, string?> { ["code"] = code, ["state"] = state }).Value;
        if (!AsksToContinue)
        {
            context.Response.Redirect(back);
            return;
        }

        // A page of the provider's own, as a real one shows (sign-in, consent): the way back starts from this other site.
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><title>Provider</title></head><body><main><h1>OpenID provider</h1>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(back)}\">Continue as {WebUtility.HtmlEncode(SignedInUser.Name)}</a></p></main></body></html>");
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await RefuseAsync(context, HttpStatusCode.BadRequest, "invalid_request", "the token request must be application/x-www-form-urlencoded");
            return;
        }

        var form = await context.Request.ReadFormAsync();
        string? One(string name) => form[name].Count == 1 ? form[name][0] : null;
        if (!ClientAuthenticated(context.Request, One("client_id"), One("client_secret")))
        {
            await RefuseAsync(context, HttpStatusCode.Unauthorized, "invalid_client", "client authentication failed");
            return;
        }

        if (One("grant_type") != "authorization_code")
        {
            await RefuseAsync(context, HttpStatusCode.BadRequest, "unsupported_grant_type", "only authorization_code is supported");
            return;
        }

        // A code is used once, whatever the outcome (RFC 6749 §4.1.2).
        if (One("code") is not { } code || !_codes.TryRemove(code, out var grant))
        {
            await RefuseAsync(context, HttpStatusCode.BadRequest, "invalid_grant", "the code is unknown or was used");
            return;
        }

        var detail = One("redirect_uri") != grant.RedirectUri ? "redirect_uri differs from the authorization request's"
            : One("code_verifier") is not { Length: >= 43 and <= 128 } verifier ? "code_verifier is missing or malformed"
            : Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge ? "code_verifier does not match the code_challenge"
            : null;
        if (detail is not null)
        {
            await RefuseAsync(context, HttpStatusCode.BadRequest, "invalid_grant", detail);
            return;
        }

        Interlocked.Increment(ref _tokensIssued);
        await Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = Base64Url(RandomNumberGenerator.GetBytes(32)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["id_token"] = IdToken(grant),
        }).ExecuteAsync(context);
    }

    /// <summary>client_secret_basic or client_secret_post, exactly one of them (RFC 6749 §2.3.1).</summary>
    private bool ClientAuthenticated(HttpRequest request, string? formClientId, string? formSecret)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            if (formSecret is not null)
            {
                return false;
            }

            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return pair.Length == 2 && Uri.UnescapeDataString(pair[0]) == ClientId && Uri.UnescapeDataString(pair[1]) == ClientSecret;
        }

        return formClientId == ClientId && formSecret == ClientSecret;
    }

    private string IdToken(Grant grant)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = KeyId });
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = grant.User.Subject,
            ["aud"] = ClientId,
            ["iat"] = now,
            ["exp"] = now + 600,
            ["nonce"] = grant.Nonce,
            ["name"] = grant.User.Name,
            ["roles"] = grant.User.Roles,
        });
        var signed = Base64Url(header) + "." + Base64Url(payload);
        var signature = _signingKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    private Task RefuseAsync(HttpContext context, HttpStatusCode status, string error, string description)
    {
        Refusals.Enqueue($"{context.Request.Path}: {error}: {description}");
        return Results.Json(new { error, error_description = description }, statusCode: (int)status).ExecuteAsync(context);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Through PKCS#12, so Kestrel's TLS stack gets a certificate with a usable private key on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private sealed record Grant(string RedirectUri, string CodeChallenge, string Nonce, OpenIdUser User);
}

/// <summary>A user signed in at <see cref="OpenIdProviderDouble"/>: the id_token's <c>sub</c>, <c>name</c> and <c>roles</c>.</summary>
public sealed record OpenIdUser(string Subject, string Name, IReadOnlyList<string> Roles);
