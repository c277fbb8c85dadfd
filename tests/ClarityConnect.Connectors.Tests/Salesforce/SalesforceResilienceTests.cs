using System.Net;
using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SalesforceResilienceTests
{
    private static int DataCalls(SalesforceHarness harness) =>
        harness.Double.Requests.Count(r => r.Path.StartsWith("/services/data/", StringComparison.Ordinal));

    [Theory]
    [InlineData(503, "SERVER_UNAVAILABLE")]
    [InlineData(502, "BAD_GATEWAY")]
    [InlineData(504, "GATEWAY_TIMEOUT")]
    [InlineData(429, "TOO_MANY_REQUESTS")]
    [InlineData(403, "REQUEST_LIMIT_EXCEEDED")]
    [InlineData(400, "UNABLE_TO_LOCK_ROW")]
    [InlineData(500, "UNABLE_TO_LOCK_ROW")]
    public async Task Transient_failures_are_retried_until_success(int status, string errorCode)
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        harness.Double.ClearRequests();
        harness.Double.FailNext(2, status, errorCode, retryAfter: status == 429 ? TimeSpan.FromSeconds(1) : null);

        var page = await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);

        Assert.True(page.Done);
        Assert.Equal(3, DataCalls(harness));
    }

    [Fact]
    public async Task Record_lock_on_create_is_retried()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee" });
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        harness.Double.FailNext(1, 400, "CANNOT_EXECUTE_FLOW_TRIGGER", "The flow failed: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record");

        var id = await harness.Client.CreateAsync("Task", new JsonObject { ["WhoId"] = contact, ["Subject"] = "Call" }, CancellationToken.None);

        Assert.Single(harness.Double.Created("Task"));
        Assert.Equal(id, (string?)harness.Double.Created("Task")[0]["Id"]);
    }

    [Fact]
    public async Task Permanent_errors_are_not_retried()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        harness.Double.ClearRequests();
        harness.Double.FailNext(1, 400, "INVALID_FIELD", "No such column 'Foo' on entity 'Contact'.");

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.Equal(1, DataCalls(harness));
    }

    [Fact]
    public async Task Forbidden_without_limit_error_is_not_retried()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        harness.Double.ClearRequests();
        harness.Double.FailNext(1, 403, "INSUFFICIENT_ACCESS");

        await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));

        Assert.Equal(1, DataCalls(harness));
    }

    [Fact]
    public async Task Persistent_outage_surfaces_as_a_transient_error_after_the_retries()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        harness.Double.ClearRequests();
        harness.Double.FailNext(10, 503, "SERVER_UNAVAILABLE");

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(4, DataCalls(harness));
    }

    [Fact]
    public async Task Refused_connection_surfaces_as_unavailable()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        await harness.Double.StopAsync();

        await Assert.ThrowsAsync<SalesforceUnavailableException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));
    }

    [Fact]
    public async Task Slow_answers_time_out_per_attempt()
    {
        await using var harness = await SalesforceHarness.StartAsync(o => o.MaxRetryAttempts = 1);
        harness.Credentials.Credentials = harness.Credentials.Credentials with { RequestTimeout = TimeSpan.FromMilliseconds(200) };
        harness.Double.Delay = TimeSpan.FromSeconds(5);

        await Assert.ThrowsAsync<SalesforceUnavailableException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));
    }

    [Fact]
    public async Task Error_messages_never_carry_the_access_token()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        var token = harness.Double.Requests.Last().BearerToken!;

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.QueryAsync("SELECT Id FROM Nope", CancellationToken.None));

        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Double.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }
}
