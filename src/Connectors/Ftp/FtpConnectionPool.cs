using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Polly;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// The process's FTP connections: one <see cref="FtpConnectionLane"/> per server, so that uploads to a server take
/// turns on one kept control connection (one login and one TLS handshake for all the files of an export) instead of
/// logging in for every file.
/// </summary>
/// <remarks>
/// Process-wide because the TLS session cache it works with is: .NET on Linux keeps one client TLS session per target
/// host name for the whole process, and offers it to the next handshake with that name. A data channel resumes the
/// control connection's session only while that session is the one in the cache, so no second FTPS control connection
/// to the same host name may be open at the same time: FTPS lanes are keyed by the TLS host name. Plain FTP has no
/// such constraint and is keyed by host and port. See docs/decisions.md, issue 13.
/// </remarks>
internal sealed class FtpConnectionPool
{
    private readonly ConcurrentDictionary<string, FtpConnectionLane> lanes = new(StringComparer.Ordinal);

    /// <summary>The process's pool.</summary>
    public static FtpConnectionPool Shared { get; } = new();

    /// <summary>Runs <paramref name="work"/> on a logged-in connection to <paramref name="target"/>, in its server's turn.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="target">The server and credentials.</param>
    /// <param name="fresh">Log in anew even when a kept connection could serve.</param>
    /// <param name="logger">Logs commands, replies and reconnections.</param>
    /// <param name="guard">The server's pipeline (breaker, upload timeout), run once the turn came.</param>
    /// <param name="work">The upload.</param>
    /// <param name="cancellationToken">Cancels the wait and the work.</param>
    /// <returns>What the work returned.</returns>
    public Task<T> RunAsync<T>(
        FtpTarget target,
        bool fresh,
        ILogger logger,
        ResiliencePipeline guard,
        Func<FtpConnection, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) =>
        lanes.GetOrAdd(LaneKey(target), _ => new FtpConnectionLane()).RunAsync(target, fresh, logger, guard, work, cancellationToken);

    private static string LaneKey(FtpTarget target) =>
        target.UseTls
            ? "tls:" + target.EffectiveTlsHostName.ToLowerInvariant()
            : $"ftp:{target.Host.ToLowerInvariant()}:{target.Port}";
}
