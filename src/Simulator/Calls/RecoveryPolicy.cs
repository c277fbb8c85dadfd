namespace ClarityConnect.Simulator.Calls;

/// <summary>
/// Repeats a read (with growing pauses) until it succeeds or the recovery time is up: after a failed call the
/// cluster may be restarting a silo, and the state is only worth acting on once it can be read again.
/// </summary>
public sealed class RecoveryPolicy(TimeSpan patience)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    /// <summary>How long to keep trying.</summary>
    public TimeSpan Patience { get; } = patience;

    /// <summary>Runs <paramref name="attempt"/> until it succeeds; rethrows its last <see cref="GrainCallException"/> when time is up.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        var pause = FirstPause;
        while (true)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (GrainCallException) when (DateTime.UtcNow + pause < deadline)
            {
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }
}
