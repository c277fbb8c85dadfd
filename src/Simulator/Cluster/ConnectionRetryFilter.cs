using System.Diagnostics;
using ClarityConnect.Simulator.Terminal;
using Orleans;

namespace ClarityConnect.Simulator.Cluster;

/// <summary>
/// Keeps trying to reach the cluster for a while at start-up, so the simulator can be started together with a silo
/// (e.g. from docker compose) and says what it is waiting for.
/// </summary>
public sealed class ConnectionRetryFilter(TimeSpan patience, string target, ConsoleOutput console) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);
    private long _firstFailure;
    private int _failures;

    /// <inheritdoc />
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (_failures++ == 0)
        {
            _firstFailure = Stopwatch.GetTimestamp();
            if (patience > TimeSpan.Zero)
            {
                console.WriteLine($"Waiting up to {patience.TotalSeconds:0} s for the cluster ({target}): {exception.GetBaseException().Message}");
            }
        }

        if (Stopwatch.GetElapsedTime(_firstFailure) + Pause > patience)
        {
            return false;
        }

        try
        {
            await Task.Delay(Pause, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
