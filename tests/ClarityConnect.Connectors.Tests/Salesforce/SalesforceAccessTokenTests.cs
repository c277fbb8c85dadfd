namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SalesforceAccessTokenTests
{
    [Fact]
    public async Task Twenty_concurrent_calls_on_an_expired_token_refresh_exactly_once()
    {
        await using var harness = await SalesforceHarness.StartAsync(o => o.MaxConcurrentRequests = 25);
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        harness.Double.ExpireAccessTokens();
        harness.Double.ClearRequests();

        var calls = Enumerable.Range(0, 20).Select(_ => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));
        var pages = await Task.WhenAll(calls);

        Assert.All(pages, p => Assert.True(p.Done));
        Assert.Single(harness.Double.TokenRequests);
        Assert.Equal("refresh_token", harness.Double.TokenRequests[0].GrantType);
        Assert.Contains(harness.Double.Requests, r => r.Path.EndsWith("/query", StringComparison.Ordinal) && r.BearerToken is not null);
    }

    [Fact]
    public async Task Injected_invalid_session_is_refreshed_once_and_the_call_retried()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        harness.Double.FailNext(1, 401, "INVALID_SESSION_ID");

        var page = await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);

        Assert.True(page.Done);
        Assert.Equal(2, harness.Double.TokenRequests.Count);
    }

    [Fact]
    public async Task Token_is_obtained_once_and_reused()
    {
        await using var harness = await SalesforceHarness.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        }

        Assert.Single(harness.Double.TokenRequests);
        Assert.Equal(harness.Double.BaseUrl, harness.Client.InstanceUrl);
    }

    [Fact]
    public async Task Record_url_uses_the_instance_of_the_access_token()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee" });
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);

        Assert.Equal($"{harness.Double.BaseUrl.AbsoluteUri.TrimEnd('/')}/lightning/r/Contact/{id}/view", harness.Client.RecordUrl("Contact", id).AbsoluteUri);
    }
}
