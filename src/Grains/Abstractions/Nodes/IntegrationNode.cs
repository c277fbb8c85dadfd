namespace ClarityConnect.Abstractions.Nodes;

/// <summary>A call-flow node that talks to an integration. Run it with <see cref="Sessions.ISessionGrain.RunNodeAsync"/>.</summary>
[GenerateSerializer, Immutable]
public abstract record IntegrationNode
{
    /// <summary>The node's id within its call flow, for the session's lookup history.</summary>
    [Id(0)] public required string NodeId { get; init; }
    /// <summary>The integration the node queries: <c>salesforce</c> or <c>dynamics</c>.</summary>
    [Id(1)] public required string Integration { get; init; }
}
