using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Tests.OAuth;

public sealed class PkceTests
{
    [Fact]
    public void Challenge_matches_the_rfc_7636_example() =>
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));

    [Fact]
    public void Verifier_is_valid_random_and_verifies_against_its_challenge()
    {
        var verifier = Pkce.CreateVerifier();
        Assert.True(Pkce.IsValidVerifier(verifier));
        Assert.NotEqual(verifier, Pkce.CreateVerifier());
        Assert.True(Pkce.Verify(verifier, Pkce.Challenge(verifier)));
        Assert.False(Pkce.Verify(Pkce.CreateVerifier(), Pkce.Challenge(verifier)));
    }

    [Fact]
    public void State_is_url_safe_and_unique()
    {
        var state = OAuthState.Create();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", state);
        Assert.NotEqual(state, OAuthState.Create());
        Assert.True(OAuthState.Matches(state, state));
        Assert.False(OAuthState.Matches(state, OAuthState.Create()));
        Assert.False(OAuthState.Matches(state, null));
    }

    [Theory]
    [InlineData("invalid_grant", true)]
    [InlineData("invalid_client", true)]
    [InlineData("unauthorized_client", true)]
    [InlineData("inactive_user", true)]
    [InlineData("inactive_org", true)]
    [InlineData("invalid_request", false)]
    [InlineData("server_error", false)]
    [InlineData("rate_limit_exceeded", false)]
    public void Reauthorization_is_required_only_for_permanent_refusals(string error, bool expected) =>
        Assert.Equal(expected, new OAuthException(error, null).RequiresReauthorization);
}
