using ClarityConnect.AdminApi;

namespace ClarityConnect.Website.Tests;

/// <summary>The OpenID Connect sign-in settings (<c>ClarityConnect:AdminApi:Oidc</c>), validated with the admin API's options.</summary>
public sealed class OidcSignInSettingsTests
{
    private const string Secret = "never-in-a-message-5f1c";

    [Fact]
    public void A_client_id_without_the_JWT_authority_is_refused_naming_both_settings()
    {
        var failures = Validate(new JwtSettings(), new OidcSignInSettings { ClientId = "site", ClientSecret = Secret });

        Assert.Contains(failures, f => f.Contains("ClarityConnect:AdminApi:Oidc:ClientId", StringComparison.Ordinal)
            && f.Contains("ClarityConnect:AdminApi:Jwt:Authority", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_secret_without_a_client_id_is_refused_without_echoing_it()
    {
        var failures = Validate(Authority(), new OidcSignInSettings { ClientSecret = Secret });

        Assert.Contains(failures, f => f.Contains("Oidc:ClientSecret is set but", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_id_with_a_space_is_refused() =>
        Assert.Contains(Validate(Authority(), new OidcSignInSettings { ClientId = "my site" }),
            f => f.Contains("Oidc:ClientId must not contain spaces", StringComparison.Ordinal));

    [Fact]
    public void With_the_authority_a_client_id_turns_the_sign_in_on_and_a_public_client_needs_no_secret()
    {
        var oidc = new OidcSignInSettings { ClientId = "site" };

        Assert.Empty(Validate(Authority(), oidc));
        Assert.True(oidc.Enabled(Authority()));
        Assert.False(new OidcSignInSettings().Enabled(Authority()));
    }

    private static JwtSettings Authority() => new() { Authority = "https://login.example.com/tenant/v2.0", Audience = "api://clarityconnect" };

    private static IReadOnlyList<string> Validate(JwtSettings jwt, OidcSignInSettings oidc)
    {
        var result = new AdminApiOptionsValidator().Validate(null, new AdminApiOptions { Jwt = jwt, Oidc = oidc });
        return result.Failed ? result.Failures.ToList() : [];
    }
}
