using ClarityConnect.AdminApi.Website;

namespace ClarityConnect.Website.Tests;

/// <summary>The last line of the hosts' start-up output: where to open the site and how to sign in.</summary>
public sealed class StartupHintTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/")]
    [InlineData("http://[::]:8081", "http://localhost:8081/")]
    [InlineData("http://+:8080", "http://localhost:8080/")]
    [InlineData("https://admin.example.com:8443/", "https://admin.example.com:8443/")]
    public void The_hint_names_the_address_a_browser_opens_and_the_admin_api_key(string listening, string opened)
    {
        var hint = AdminWebsite.StartupHint([listening]);

        Assert.Contains($"open {opened} in a browser", hint);
        Assert.Contains("sign in with an admin API key", hint);
    }

    [Fact]
    public void Without_an_http_address_the_hint_says_so() =>
        Assert.Equal("Administrative website: not listening on HTTP.", AdminWebsite.StartupHint([]));
}
