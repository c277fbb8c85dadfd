namespace ClarityConnect.Bench.Reporting;

/// <summary>Managed heap per active grain at a number of activations.</summary>
public sealed record MemoryFigure
{
    /// <summary>Active session grains (and, separately, agent grains) measured.</summary>
    public int Activations { get; init; }
    /// <summary>Heap growth per started session, its change-event consumers included.</summary>
    public long BytesPerSessionGrain { get; init; }
    /// <summary>Heap growth per logged-in agent, its change-event consumers included.</summary>
    public long BytesPerAgentGrain { get; init; }
    /// <summary>Heap growth per activation of a grain that does nothing (Orleans' own cost of an activation).</summary>
    public long BytesPerBareGrain { get; init; }
    /// <summary>Heap growth per bare session shape: a grain that published one event and its two implicit consumers, no state (<c>BareSessionShape</c>).</summary>
    public long BytesPerBareSessionShape { get; init; }
    /// <summary>Seconds it took to activate the sessions.</summary>
    public double SessionActivationSeconds { get; init; }
    /// <summary>Seconds it took to activate the agents.</summary>
    public double AgentActivationSeconds { get; init; }
}
