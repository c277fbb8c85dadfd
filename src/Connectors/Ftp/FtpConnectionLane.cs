using System.Diagnostics;
using System.Net.Sockets;
using ClarityConnect.Connectors.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// The uploads to one FTP server (one TLS host name), one at a time, over one kept control connection: an upload takes
/// the connection the previous one left, or logs in anew when there is none, it has expired or it was opened for other
/// credentials. A kept connection that turns out to be closed by the server is replaced once.
/// </summary>
internal sealed class FtpConnectionLane
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Timer idleTimer;
    private FtpConnection? idle;
    private long idleSince;

    /// <summary>Creates an empty lane.</summary>
    public FtpConnectionLane() => idleTimer = new Timer(_ => CloseIfExpired(), null, Timeout.Infinite, Timeout.Infinite);

    /// <summary>
    /// Waits for the lane's turn, then runs <paramref name="work"/> through <paramref name="guard"/> on a logged-in
    /// connection and keeps the connection for the next upload when the work succeeded.
    /// </summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="target">The server and credentials.</param>
    /// <param name="fresh">Log in anew even when a kept connection could serve (a connection test proves the login).</param>
    /// <param name="logger">Logs commands, replies and reconnections.</param>
    /// <param name="guard">The server's pipeline (breaker, upload timeout), run once the turn came.</param>
    /// <param name="work">The upload.</param>
    /// <param name="cancellationToken">Cancels the wait and the work.</param>
    /// <returns>What the work returned.</returns>
    public async Task<T> RunAsync<T>(
        FtpTarget target,
        bool fresh,
        ILogger logger,
        ResiliencePipeline guard,
        Func<FtpConnection, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        var turnState = new Turn();
        try
        {
            return await guard.ExecuteAsync(
                async token => await RunInTurnAsync(turnState, target, fresh, logger, work, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
            if (turnState.Connection is { } connection)
            {
                // After a failure the connection's state is unknown: drop it without a goodbye that could wait for a
                // server that no longer answers.
                await (turnState.Succeeded ? QuitAsync(connection) : connection.DisposeAsync().AsTask()).ConfigureAwait(false);
            }
        }
    }

    // Called with the turn held. Leaves in turnState the connection to close once the turn is released (none when it
    // is kept for the next upload), and whether the work succeeded.
    private async Task<T> RunInTurnAsync<T>(
        Turn turnState,
        FtpTarget target,
        bool fresh,
        ILogger logger,
        Func<FtpConnection, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        var kept = TakeKept(target, fresh);
        var connection = kept ?? await OpenAsync(target, logger, reopened: false, cancellationToken).ConfigureAwait(false);
        turnState.Connection = connection;
        T result;
        try
        {
            result = await RunOnAsync(connection, work, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (kept is not null && connection.CommandCount <= 1 && IsClosedConnection(failure))
        {
            // The server closed the kept connection while it was idle (its own idle limit, a restart): the first
            // command found it dead, so nothing of this upload happened yet and a new connection redoes it all.
            logger.LogInformation(
                "FTP {Host}:{Port}: the kept connection was closed by the server ({Reason}); connecting again",
                target.Host, target.Port, failure.Message);
            turnState.Connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = await OpenAsync(target, logger, reopened: true, cancellationToken).ConfigureAwait(false);
            turnState.Connection = connection;
            result = await RunOnAsync(connection, work, cancellationToken).ConfigureAwait(false);
        }

        turnState.Succeeded = true;
        if (connection.IsReusable && connection.Target.IdleConnectionTimeout > TimeSpan.Zero)
        {
            Keep(connection);
            turnState.Connection = null;
        }

        return result;
    }

    private static async Task<T> RunOnAsync<T>(FtpConnection connection, Func<FtpConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        connection.ResetCommandCount();
        return await work(connection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<FtpConnection> OpenAsync(FtpTarget target, ILogger logger, bool reopened, CancellationToken cancellationToken)
    {
        var connection = await FtpConnection.OpenAsync(target, logger, cancellationToken).ConfigureAwait(false);
        ConnectorMetrics.FtpConnections.Add(1, new TagList
        {
            { TelemetryTags.ServerAddress, target.Host },
            { TelemetryTags.ServerPort, target.Port },
            { TelemetryTags.FtpTls, target.UseTls },
            { TelemetryTags.FtpReopened, reopened },
        });
        return connection;
    }

    private static bool IsClosedConnection(Exception failure) =>
        failure is IOException or SocketException or ObjectDisposedException
        || failure is FtpException { ReplyCode: 421 };

    private static async Task QuitAsync(FtpConnection connection)
    {
        await using (connection.ConfigureAwait(false))
        {
            using var timeout = new CancellationTokenSource(connection.Target.CommandTimeout);
            try
            {
                await connection.QuitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is FtpException or IOException or SocketException or TimeoutException
                or OperationCanceledException or ObjectDisposedException)
            {
                // A goodbye the server does not answer changes nothing: the connection is closed either way.
            }
        }
    }

    // Called with the turn held.
    private FtpConnection? TakeKept(FtpTarget target, bool fresh)
    {
        var kept = idle;
        idle = null;
        if (kept is null)
        {
            return null;
        }

        if (!fresh && kept.Target.SharesConnectionWith(target) && Stopwatch.GetElapsedTime(idleSince) < kept.Target.IdleConnectionTimeout)
        {
            return kept;
        }

        _ = QuitAsync(kept);
        return null;
    }

    // Called with the turn held.
    private void Keep(FtpConnection connection)
    {
        idle = connection;
        idleSince = Stopwatch.GetTimestamp();
        idleTimer.Change(connection.Target.IdleConnectionTimeout, Timeout.InfiniteTimeSpan);
    }

    private void CloseIfExpired()
    {
        if (!turn.Wait(0))
        {
            // An upload has the connection; the lane keeps it again (and restarts this timer) when it is done.
            return;
        }

        FtpConnection? expired = null;
        try
        {
            if (idle is { } kept)
            {
                var left = kept.Target.IdleConnectionTimeout - Stopwatch.GetElapsedTime(idleSince);
                if (left <= TimeSpan.Zero)
                {
                    expired = kept;
                    idle = null;
                }
                else
                {
                    idleTimer.Change(left, Timeout.InfiniteTimeSpan);
                }
            }
        }
        finally
        {
            turn.Release();
        }

        if (expired is not null)
        {
            _ = QuitAsync(expired);
        }
    }

    /// <summary>What one turn leaves for after the turn is released.</summary>
    private sealed class Turn
    {
        /// <summary>The connection to close, if any.</summary>
        public FtpConnection? Connection { get; set; }

        /// <summary>Whether the work succeeded (then the connection gets a goodbye).</summary>
        public bool Succeeded { get; set; }
    }
}
