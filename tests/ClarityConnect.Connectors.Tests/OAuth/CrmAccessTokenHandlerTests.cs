using System.Net;
using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Connectors.Tests.Dataverse;
using ClarityConnect.Connectors.Tests.Ftp;
using ClarityConnect.Connectors.Tests.Salesforce;

namespace ClarityConnect.Connectors.Tests.OAuth;

/// <summary>The one token handler both CRM clients share (<see cref="Connectors.OAuth.CrmAccessTokenHandler{TCredentials}"/>),
/// against the Kestrel doubles: single-flight renewal, one retry only, and the CRM's error after a second 401.</summary>
public sealed class CrmAccessTokenHandlerTests
{
    private const string Soql = "SELECT Id FROM Contact";

    private static Task<DataversePage> QueryAsync(DataverseHarness harness) =>
        harness.Client.QueryAsync("contacts", "fullname", null, null, null, 10, CancellationToken.None);

    [Fact]
    public async Task Salesforce_concurrent_401s_on_both_lanes_cause_one_token_request()
    {
        await using var harness = await SalesforceHarness.StartAsync(o => o.MaxConcurrentRequests = 25);
        await harness.Client.QueryAsync(Soql, CancellationToken.None);
        harness.Double.ExpireAccessTokens();
        harness.Double.ClearRequests();

        var calls = Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? harness.Client : harness.BackgroundClient).QueryAsync(Soql, CancellationToken.None));
        await Task.WhenAll(calls);

        var renewal = Assert.Single(harness.Double.TokenRequests);
        Assert.Equal("refresh_token", renewal.GrantType);
        var queries = harness.Double.Requests.Where(r => r.Path.EndsWith("/query", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, queries.Count(r => r.BearerToken == queries[^1].BearerToken));
    }

    [Fact]
    public async Task Dataverse_concurrent_401s_on_both_lanes_cause_one_token_request()
    {
        await using var harness = await DataverseHarness.StartAsync(o => o.MaxConcurrentRequests = 25);
        await QueryAsync(harness);
        harness.Double.ExpireAccessTokens();
        harness.Double.ClearRequests();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            (i % 2 == 0 ? harness.Client : harness.BackgroundClient).QueryAsync("contacts", "fullname", null, null, null, 10, CancellationToken.None)));

        Assert.Single(harness.Double.TokenRequests);
        var renewed = harness.Double.WebApiRequests[^1].BearerToken;
        Assert.Equal(16, harness.Double.WebApiRequests.Count(r => r.BearerToken == renewed));
    }

    [Fact]
    public async Task Salesforce_second_401_surfaces_the_crm_error_after_one_retry()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Client.QueryAsync(Soql, CancellationToken.None);
        harness.Double.ClearRequests();
        harness.Double.FailNext(2, 401, "INVALID_SESSION_ID");

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.QueryAsync(Soql, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("INVALID_SESSION_ID", error.ErrorCode);
        Assert.Equal(2, harness.Double.Requests.Count(r => r.Path.EndsWith("/query", StringComparison.Ordinal)));
        Assert.Single(harness.Double.TokenRequests);
    }

    [Fact]
    public async Task Dataverse_second_401_surfaces_the_crm_error_after_one_retry()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        harness.Double.ClearRequests();
        harness.Double.FailNext(2, 401, "0x8006088a");

        var error = await Assert.ThrowsAsync<DataverseApiException>(() => QueryAsync(harness));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, harness.Double.WebApiRequests.Count);
        Assert.Single(harness.Double.TokenRequests);
    }

    [Fact]
    public async Task A_401_with_content_that_cannot_be_read_again_renews_the_token_without_resending()
    {
        await using var harness = await SalesforceHarness.StartAsync(o => o.ContentVersionJsonLimit = 8);
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee" });
        await harness.Client.QueryAsync(Soql, CancellationToken.None);
        harness.Double.ClearRequests();
        harness.Double.FailNext(1, 401, "INVALID_SESSION_ID");
        var bytes = new byte[100];
        Random.Shared.NextBytes(bytes);

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            harness.Client.CreateContentVersionAsync("Rec", "rec.wav", contact, new ForwardOnlyStream(bytes), bytes.Length, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Single(harness.Double.Requests, r => r.Path.EndsWith("/sobjects/ContentVersion/", StringComparison.Ordinal));
        Assert.Empty(harness.Double.Created("ContentVersion"));

        // The token was renewed all the same: the caller's next attempt goes through without another token request.
        await harness.Client.CreateContentVersionAsync("Rec", "rec.wav", contact, new ForwardOnlyStream(bytes), bytes.Length, CancellationToken.None);
        Assert.Single(harness.Double.TokenRequests);
        Assert.Equal(Convert.ToBase64String(bytes), (string?)Assert.Single(harness.Double.Created("ContentVersion"))["VersionData"]);
    }

    [Fact]
    public async Task A_401_on_a_json_post_resends_the_same_body_once()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        harness.Double.ClearRequests();
        harness.Double.FailNext(1, 401);

        var id = await harness.Client.CreateAsync("contacts", new JsonObject { ["lastname"] = "Lee" }, CancellationToken.None);

        var posts = harness.Double.WebApiRequests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.NotEqual(posts[0].BearerToken, posts[1].BearerToken);
        Assert.Equal("Lee", (string?)harness.Double.GetRecord("contact", id)!["lastname"]);
    }
}
