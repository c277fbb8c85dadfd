using System.Net;
using ClarityConnect.Connectors.Dataverse;

namespace ClarityConnect.Connectors.Tests.Dataverse;

public sealed class DataverseResilienceTests
{
    private static Task<DataversePage> QueryAsync(DataverseHarness harness) =>
        harness.Client.QueryAsync("contacts", "fullname", null, null, null, 10, CancellationToken.None);

    [Theory]
    [InlineData(429, "0x80072322", 1)]
    [InlineData(503, "", null)]
    [InlineData(502, "", null)]
    [InlineData(504, "", null)]
    public async Task Transient_failures_are_retried_until_success(int status, string code, int? retryAfter)
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        harness.Double.ClearRequests();
        harness.Double.FailNext(2, status, code, retryAfterSeconds: retryAfter);

        await QueryAsync(harness);

        Assert.Equal(3, harness.Double.WebApiRequests.Count);
    }

    [Fact]
    public async Task Retry_after_is_honoured_up_to_the_configured_cap()
    {
        await using var harness = await DataverseHarness.StartAsync(o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(300));
        await QueryAsync(harness);
        harness.Double.FailNext(1, 429, "0x80072322", retryAfterSeconds: 1);
        var started = TimeProvider.System.GetTimestamp();

        await QueryAsync(harness);

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Permanent_errors_are_not_retried()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        harness.Double.ClearRequests();
        harness.Double.FailNext(1, 400, "0x80040203", "Invalid argument.");

        var error = await Assert.ThrowsAsync<DataverseApiException>(() => QueryAsync(harness));

        Assert.Equal("0x80040203", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Single(harness.Double.WebApiRequests);
    }

    [Fact]
    public async Task A_401_renews_the_token_once_and_retries_the_call()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        harness.Double.FailNext(1, 401);

        await QueryAsync(harness);

        Assert.Equal(2, harness.Double.IssuedAccessTokenCount);
    }

    [Fact]
    public async Task Persistent_outage_surfaces_as_a_transient_error()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        harness.Double.ClearRequests();
        harness.Double.FailNext(10, 503);

        var error = await Assert.ThrowsAsync<DataverseApiException>(() => QueryAsync(harness));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(4, harness.Double.WebApiRequests.Count);
    }

    [Fact]
    public async Task Refused_connection_surfaces_as_unavailable()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        await harness.Double.StopAsync();

        await Assert.ThrowsAsync<DataverseUnavailableException>(() => QueryAsync(harness));
    }

    [Fact]
    public async Task Slow_answers_time_out_per_attempt()
    {
        await using var harness = await DataverseHarness.StartAsync(o => o.MaxRetryAttempts = 1);
        await QueryAsync(harness);
        harness.Credentials.Credentials = harness.Credentials.Credentials with { RequestTimeout = TimeSpan.FromMilliseconds(200) };
        harness.Double.Delay = TimeSpan.FromSeconds(5);

        await Assert.ThrowsAsync<DataverseUnavailableException>(() => QueryAsync(harness));
    }

    [Fact]
    public async Task Error_messages_never_carry_tokens_or_secrets()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        var token = harness.Double.WebApiRequests.Last().BearerToken!;

        var error = await Assert.ThrowsAsync<DataverseApiException>(() =>
            harness.Client.QueryAsync("nosuchsets", "name", null, null, null, 10, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Double.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }
}
