namespace ClarityConnect.Abstractions.Sessions;

/// <summary>The agent's disposition of a session. Null members leave the current value unchanged.</summary>
[GenerateSerializer, Immutable]
public sealed record WrapUpDetails
{
    /// <summary>The disposition code chosen by the agent.</summary>
    [Id(0)] public string? Disposition { get; init; }
    /// <summary>The sub-disposition code.</summary>
    [Id(1)] public string? SubDisposition { get; init; }
    /// <summary>The agent's call notes.</summary>
    [Id(2)] public string? Notes { get; init; }
}
