using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using ClarityConnect.TestDoubles.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;

namespace ClarityConnect.Website.Tests;

/// <summary>The OpenID provider double is as strict as the specifications: redirect_uri, PKCE verifier, nonce, one-time codes.</summary>
public sealed class OpenIdProviderDoubleTests : IAsyncLifetime
{
    private const string RedirectUri = "http://127.0.0.1:5999/signin-oidc";
    private const string Verifier = "a-code-verifier-of-at-least-forty-three-characters-0123456789";

    private readonly OpenIdProviderDouble _provider = new() { RedirectUri = RedirectUri };
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        _http = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _provider.Certificate.Thumbprint,
        }) { BaseAddress = new Uri(_provider.Issuer) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_a_redirect()
    {
        var response = await AuthorizeAsync(new() { ["redirect_uri"] = "http://127.0.0.1:5999/elsewhere" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("code_challenge")]
    public async Task An_authorization_request_without_a_nonce_or_a_PKCE_challenge_is_answered_with_an_error(string missing)
    {
        var response = await AuthorizeAsync(new() { [missing] = null });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("invalid_request", HttpUtility.ParseQueryString(response.Headers.Location!.Query)["error"]);
    }

    [Fact]
    public async Task A_wrong_code_verifier_is_refused_and_the_code_is_spent()
    {
        var code = await CodeAsync();

        var wrong = await TokenAsync(code, Verifier.Replace('a', 'b'), RedirectUri);
        var right = await TokenAsync(code, Verifier, RedirectUri);

        Assert.Contains("code_verifier does not match", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("invalid_grant", await right.Content.ReadAsStringAsync());
        Assert.Equal(0, _provider.TokensIssued);
    }

    [Fact]
    public async Task A_token_request_naming_another_redirect_uri_is_refused()
    {
        var response = await TokenAsync(await CodeAsync(), Verifier, RedirectUri + "/other");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("redirect_uri differs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_right_exchange_issues_an_id_token_carrying_the_nonce()
    {
        var response = await TokenAsync(await CodeAsync(), Verifier, RedirectUri);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var idToken = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id_token").GetString()!;
        var payload = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(idToken.Split('.')[1]));
        Assert.Contains("\"nonce\":\"n-0S6_WzA2Mj\"", payload);
        Assert.Contains($"\"iss\":\"{_provider.Issuer}\"", payload);
    }

    private Task<HttpResponseMessage> AuthorizeAsync(Dictionary<string, string?> changes)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = _provider.ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile",
            ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))),
            ["code_challenge_method"] = "S256",
            ["nonce"] = "n-0S6_WzA2Mj",
            ["state"] = "af0ifjsldkj",
        };
        foreach (var (name, value) in changes)
        {
            query[name] = value;
        }

        return _http.GetAsync(QueryHelpers.AddQueryString("/authorize", query.Where(p => p.Value is not null)));
    }

    private async Task<string> CodeAsync()
    {
        var response = await AuthorizeAsync([]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return HttpUtility.ParseQueryString(response.Headers.Location!.Query)["code"]!;
    }

    private Task<HttpResponseMessage> TokenAsync(string code, string verifier, string redirectUri) =>
        _http.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
            ["client_id"] = _provider.ClientId,
            ["client_secret"] = _provider.ClientSecret,
        }));
}
