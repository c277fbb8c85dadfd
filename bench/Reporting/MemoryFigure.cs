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
    /// <summary>Seconds it took to activate the sessions.</summary>
    public double SessionActivationSeconds { get; init; }
    /// <summary>Seconds it took to activate the agents.</summary>
    public double AgentActivationSeconds { get; init; }
}
