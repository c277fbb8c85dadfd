using System.Net;
using ClarityConnect.Connectors.Csi;
using ClarityConnect.TestDoubles.Csi;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Tests.Csi;

/// <summary>The CSI change-event client against the CSI double: each endpoint's limiter, breaker and attempt timeout, and
/// no retry behind the event queue's back.</summary>
public sealed class CsiEventClientResilienceTests
{
    [Fact]
    public async Task A_healthy_endpoint_takes_the_batch_with_the_developer_key()
    {
        await using var csi = await StartDoubleAsync();
        await using var services = Services();

        await Client(services).SendAsync(Endpoint(csi), [Event("s1")], CancellationToken.None);

        var accepted = Assert.Single(csi.Events);
        Assert.Equal("s1", (string?)accepted["entityId"]);
        Assert.Equal(1, csi.RequestCount);
    }

    [Fact]
    public async Task A_transient_answer_is_sent_once_and_surfaces_as_transient()
    {
        await using var csi = await StartDoubleAsync();
        await using var services = Services();
        csi.FailWith = HttpStatusCode.ServiceUnavailable;

        var failure = await Assert.ThrowsAsync<CsiException>(() => Client(services).SendAsync(Endpoint(csi), [Event("s1")], CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Equal($"CSI at {Authority(csi)} answered 503 Service Unavailable", failure.Message);
        // The queue retries durably; the pipeline must not have tried again.
        Assert.Equal(1, csi.RequestCount);
    }

    [Fact]
    public async Task The_breaker_opens_after_transient_failures_and_refuses_as_transient_naming_the_endpoint_and_its_answer()
    {
        await using var csi = await StartDoubleAsync();
        await using var services = Services(o =>
        {
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(5);
        });
        var client = Client(services);
        csi.FailWith = HttpStatusCode.ServiceUnavailable;
        await Assert.ThrowsAsync<CsiException>(() => client.SendAsync(Endpoint(csi), [Event("s1")], CancellationToken.None));
        await Assert.ThrowsAsync<CsiException>(() => client.SendAsync(Endpoint(csi), [Event("s1")], CancellationToken.None));
        csi.FailWith = null;

        var refused = await Assert.ThrowsAsync<CsiException>(() => client.SendAsync(Endpoint(csi), [Event("s1")], CancellationToken.None));

        Assert.True(refused.IsTransient);
        Assert.IsType<BrokenCircuitException>(refused.InnerException, exactMatch: false);
        Assert.Equal(
            $"CSI at {Authority(csi)} is being given a rest: too many of its background calls failed, so the circuit breaker holds them back for another 5 min. " +
            "The failure that opened it: CSI answered 503 Service Unavailable",
            refused.Message);
        Assert.Equal(2, csi.RequestCount);
        Assert.Empty(csi.Events);
        Assert.False(await client.ProbeAsync(Endpoint(csi), TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    [Fact]
    public async Task An_open_breaker_holds_back_only_its_own_endpoint()
    {
        await using var down = await StartDoubleAsync();
        await using var up = await StartDoubleAsync();
        await using var services = Services(o => o.CircuitBreakerMinimumThroughput = 2);
        var client = Client(services);
        down.FailWith = HttpStatusCode.BadGateway;
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<CsiException>(() => client.SendAsync(Endpoint(down), [Event("s1")], CancellationToken.None));
        }

        await client.SendAsync(Endpoint(up), [Event("s2")], CancellationToken.None);

        Assert.Equal(2, down.RequestCount);
        Assert.Equal("s2", (string?)Assert.Single(up.Events)["entityId"]);
    }

    [Fact]
    public async Task Refusals_of_the_request_itself_do_not_open_the_breaker()
    {
        await using var csi = await StartDoubleAsync();
        await using var services = Services(o => o.CircuitBreakerMinimumThroughput = 2);
        var client = Client(services);
        var wrongKey = new CsiEndpoint(csi.InstanceAddress, "wrong-developer-key");

        for (var i = 0; i < 4; i++)
        {
            var refused = await Assert.ThrowsAsync<CsiException>(() => client.SendAsync(wrongKey, [Event("s1")], CancellationToken.None));
            Assert.False(refused.IsTransient);
        }

        await client.SendAsync(Endpoint(csi), [Event("s1")], CancellationToken.None);
        Assert.Equal(5, csi.RequestCount);
        Assert.Single(csi.Events);
    }

    [Fact]
    public async Task An_attempt_that_outlasts_its_timeout_fails_as_transient()
    {
        await using var csi = await StartDoubleAsync();
        await using var services = Services(o => o.DefaultRequestTimeout = TimeSpan.FromMilliseconds(200));
        csi.Delay = TimeSpan.FromSeconds(3);

        var failure = await Assert.ThrowsAsync<CsiException>(() => Client(services).SendAsync(Endpoint(csi), [Event("s1")], CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.IsType<TimeoutRejectedException>(failure.InnerException);
        Assert.StartsWith($"CSI at {Authority(csi)} POST /api/clarityconnect/v1/events failed: TimeoutRejectedException", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_developer_key_never_appears_in_a_failure()
    {
        await using var csi = await StartDoubleAsync();
        await csi.StopAsync();
        await using var services = Services();

        var failure = await Assert.ThrowsAsync<CsiException>(() => Client(services).SendAsync(Endpoint(csi), [Event("s1")], CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Contains(Authority(csi), failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(csi.DeveloperKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_options_fail_naming_each_setting()
    {
        var options = new CsiEventClientOptions { DefaultRequestTimeout = TimeSpan.Zero, MaxConcurrentRequests = 0, CircuitBreakerFailureRatio = 0 };

        var result = new CsiEventClientOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "ClarityConnect:Csi:Http:DefaultRequestTimeout must be at least 10 ms; it is 00:00:00.",
                "ClarityConnect:Csi:Http:MaxConcurrentRequests must be at least 1; it is 0.",
                "ClarityConnect:Csi:Http:CircuitBreakerFailureRatio must be in (0, 1]; it is 0.",
            ],
            result.Failures);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new CsiEventClientOptionsValidator().Validate(null, new CsiEventClientOptions()).Succeeded);
    }

    private static async Task<CsiDouble> StartDoubleAsync()
    {
        var csi = new CsiDouble();
        await csi.StartAsync();
        return csi;
    }

    private static ServiceProvider Services(Action<CsiEventClientOptions>? configure = null) =>
        new ServiceCollection().AddLogging().AddCsiConnector(configure).BuildServiceProvider();

    private static CsiEventClient Client(ServiceProvider services) => services.GetRequiredService<CsiEventClient>();

    private static CsiEndpoint Endpoint(CsiDouble csi) => new(csi.InstanceAddress, csi.DeveloperKey);

    private static string Authority(CsiDouble csi) => new Uri(csi.InstanceAddress).Authority;

    private static CsiEvent Event(string sessionId) => new()
    {
        IdempotencyKey = $"session/{sessionId}/1",
        Type = "SessionChanged",
        EntityId = sessionId,
        Sequence = 1,
        Time = DateTimeOffset.UtcNow,
        NewStatus = "Queued",
    };
}
