namespace ClarityConnect.Simulator.Sessions;

/// <summary>The small random pauses between the steps of a session (typing, talking, ringing).</summary>
public sealed class ThinkTime(TimeSpan typical)
{
    /// <summary>The typical pause.</summary>
    public TimeSpan Typical { get; } = typical;

    /// <summary>Pauses for <paramref name="units"/> typical pauses, randomised ±50%.</summary>
    public Task PauseAsync(Random random, double units, CancellationToken cancellationToken)
    {
        if (Typical <= TimeSpan.Zero || units <= 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }

        return Task.Delay(Typical * (units * (0.5 + random.NextDouble())), cancellationToken);
    }
}
