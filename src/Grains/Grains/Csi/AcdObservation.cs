namespace ClarityConnect.Grains.Csi;

/// <summary>What ACD statistics count.</summary>
public enum AcdMetric
{
    /// <summary>A session entered the queue.</summary>
    Offered,
    /// <summary>An agent answered; <see cref="AcdObservation.Duration"/> is the wait.</summary>
    Answered,
    /// <summary>The customer left while queued or ringing; <see cref="AcdObservation.Duration"/> is the wait.</summary>
    Abandoned,
    /// <summary>The conversation ended; <see cref="AcdObservation.Duration"/> is the handle time.</summary>
    Handled,
}

/// <summary>One session's contribution to a queue's interval; (session, metric) is counted once.</summary>
[GenerateSerializer, Immutable]
public sealed record AcdObservation
{
    [Id(0)] public required string Queue { get; init; }
    [Id(1)] public required string SessionId { get; init; }
    [Id(2)] public AcdMetric Metric { get; init; }
    [Id(3)] public TimeSpan Duration { get; init; }
}
