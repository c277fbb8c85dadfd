namespace ClarityConnect.Connectors.Tests.Dataverse;

/// <summary>The system clock moved forward by <see cref="Offset"/>; timers stay real, so resilience delays are unaffected.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
