using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Telemetry;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// The resilience pipeline of one FTP server's uploads: circuit breaker → upload timeout, run around each upload once
/// its turn on the server's connection came (<see cref="FtpConnectionLane"/>), so that waiting for the turn does not
/// count toward the timeout and an upload that waited finds the breaker's latest verdict. No limiter (the lane lets one
/// upload at a time through) and no retry (exports and ACD intervals retry durably).
/// </summary>
internal sealed class FtpServerGuard
{
    private readonly CircuitRest rest;
    private readonly TimeSpan uploadTimeout;

    /// <summary>Builds the guard of <paramref name="server"/>.</summary>
    /// <param name="host">The server's host (the metrics' server tag).</param>
    /// <param name="server">The server as <c>host:port</c>, as messages name it.</param>
    /// <param name="options">The breaker and timeout settings.</param>
    public FtpServerGuard(string host, string server, FtpUploadOptions options)
    {
        Server = server;
        uploadTimeout = options.UploadTimeout;
        rest = new CircuitRest($"The FTP server {server}", "uploads");
        var tags = new TagList { { TelemetryTags.Target, "ftp" }, { TelemetryTags.ServerAddress, host } };
        Pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } failure && IsOutage(failure)),
                OnOpened = args =>
                {
                    ConnectorMetrics.CircuitOpened.Add(1, tags);
                    rest.Opened(Describe(args.Outcome.Exception), DateTimeOffset.UtcNow + args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(uploadTimeout)
            .Build();
    }

    /// <summary>The server as <c>host:port</c>.</summary>
    public string Server { get; }

    /// <summary>Runs each upload of this server: breaker, then timeout.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>The transient failure of an upload the open breaker refused: the server, how long it rests and what opened the breaker.</summary>
    public FtpException Refused(BrokenCircuitException refusal) => new(rest.Describe(refusal), isTransient: true, innerException: refusal);

    /// <summary>The transient failure of an upload that outlasted <see cref="FtpUploadOptions.UploadTimeout"/>.</summary>
    public FtpException TimedOut(TimeoutRejectedException timeout) => new(
        string.Create(CultureInfo.InvariantCulture, $"The upload to the FTP server {Server} took longer than {uploadTimeout} ({FtpUploadOptions.Section}:{nameof(FtpUploadOptions.UploadTimeout)})."),
        isTransient: true,
        innerException: timeout);

    // The failures that say the server is unwell (down, unreachable, too slow, "try later" replies), as opposed to a
    // refused login, an untrusted certificate or the caller's own content failing, which a rest does not cure.
    private static bool IsOutage(Exception failure) =>
        failure is FtpException { IsTransient: true } or TimeoutRejectedException or TimeoutException or SocketException or IOException;

    private string Describe(Exception? failure) => failure switch
    {
        FtpException ftp => ftp.Message,
        TimeoutRejectedException timeout => TimedOut(timeout).Message,
        { } other => FtpTransportFailure.From(other, Server)?.Message ?? $"{other.GetType().Name}: {other.Message}",
        null => "unknown",
    };
}
