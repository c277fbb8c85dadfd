using ClarityConnect.Connectors.Ftp;
using ClarityConnect.TestDoubles.Ftp;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>Each FTP server's breaker and upload timeout (<see cref="FtpServerGuard"/>), against loopback servers.</summary>
public sealed class FtpServerGuardTests
{
    [Fact]
    public async Task The_breaker_opens_after_transient_failures_and_refuses_without_connecting_naming_the_server_and_its_failure()
    {
        await using var server = UnwellFtpServer.Busy();
        var uploader = Uploader(o =>
        {
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(5);
        });
        var target = Target(server.Host, server.Port);
        for (var i = 0; i < 2; i++)
        {
            var busy = await Assert.ThrowsAsync<FtpException>(() => UploadAsync(uploader, target));
            Assert.True(busy.IsTransient);
            Assert.Equal(421, busy.ReplyCode);
        }

        var refused = await Assert.ThrowsAsync<FtpException>(() => UploadAsync(uploader, target));

        Assert.True(refused.IsTransient);
        Assert.IsType<BrokenCircuitException>(refused.InnerException, exactMatch: false);
        Assert.Equal(
            $"The FTP server 127.0.0.1:{server.Port} is being given a rest: too many of its uploads failed, so the circuit breaker holds them back for another 5 min. " +
            $"The failure that opened it: Connecting on the FTP server 127.0.0.1:{server.Port} failed: '421 Too many users, try later'.",
            refused.Message);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task An_open_breaker_holds_back_only_its_own_server()
    {
        await using var down = UnwellFtpServer.Busy();
        await using var other = EchoingFtpServer.Start();
        var uploader = Uploader(o => o.CircuitBreakerMinimumThroughput = 2);
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<FtpException>(() => UploadAsync(uploader, Target(down.Host, down.Port)));
        }

        var login = await Assert.ThrowsAsync<FtpException>(() => UploadAsync(uploader, Target(other.Host, other.Port)));

        Assert.Equal(530, login.ReplyCode);
        Assert.Equal(2, down.Connections);
        Assert.Equal(1, other.RefusedLogins);
    }

    [Fact]
    public async Task Refused_logins_do_not_open_the_breaker()
    {
        await using var server = EchoingFtpServer.Start();
        var uploader = Uploader(o => o.CircuitBreakerMinimumThroughput = 2);

        for (var i = 0; i < 4; i++)
        {
            var refused = await Assert.ThrowsAsync<FtpException>(() => UploadAsync(uploader, Target(server.Host, server.Port)));
            Assert.False(refused.IsTransient);
            Assert.Equal(530, refused.ReplyCode);
        }

        Assert.Equal(4, server.RefusedLogins);
    }

    [Fact]
    public async Task An_upload_that_outlasts_its_timeout_fails_as_transient_naming_the_setting()
    {
        await using var server = UnwellFtpServer.Silent();
        var uploader = Uploader(o => o.UploadTimeout = TimeSpan.FromSeconds(1));
        // The per-command timeout is longer, so only the upload timeout can end the wait for the login's reply.
        var target = Target(server.Host, server.Port) with { CommandTimeout = TimeSpan.FromMinutes(5) };

        var failure = await Assert.ThrowsAsync<FtpException>(() => UploadAsync(uploader, target));

        Assert.True(failure.IsTransient);
        Assert.IsType<TimeoutRejectedException>(failure.InnerException);
        Assert.Equal(
            $"The upload to the FTP server 127.0.0.1:{server.Port} took longer than 00:00:01 (ClarityConnect:Csi:Ftp:UploadTimeout).",
            failure.Message);
    }

    [Fact]
    public void Unusable_options_fail_naming_each_setting()
    {
        var options = new FtpUploadOptions { UploadTimeout = TimeSpan.Zero, CircuitBreakerMinimumThroughput = 1 };

        var result = new FtpUploadOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "ClarityConnect:Csi:Ftp:UploadTimeout must be between 1 second and 1 day; it is 00:00:00.",
                "ClarityConnect:Csi:Ftp:CircuitBreakerMinimumThroughput must be at least 2; it is 1.",
            ],
            result.Failures);
        Assert.True(new FtpUploadOptionsValidator().Validate(null, new FtpUploadOptions()).Succeeded);
    }

    private static FtpClientUploader Uploader(Action<FtpUploadOptions> configure)
    {
        var options = new FtpUploadOptions();
        configure(options);
        return new FtpClientUploader(options: Options.Create(options));
    }

    private static FtpTarget Target(string host, int port) => new()
    {
        Host = host,
        Port = port,
        Username = "csi",
        Password = "secret",
        UseTls = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(10),
    };

    private static Task UploadAsync(FtpClientUploader uploader, FtpTarget target) =>
        uploader.UploadAsync(target, "acd", "stats.csv", new MemoryStream("queue,offered\n"u8.ToArray()), CancellationToken.None);
}
