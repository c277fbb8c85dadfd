namespace ClarityConnect.Abstractions.Nodes;

/// <summary>What "Try node" saw: the outcome a real session would get, the queries sent to the CRM and the time taken.</summary>
[GenerateSerializer, Immutable]
public sealed record NodeTrial
{
    /// <summary>The exit, reason, extra items and records, exactly as <see cref="Sessions.ISessionGrain.RunNodeAsync"/> would return them.</summary>
    [Id(0)] public required NodeOutcome Outcome { get; init; }
    /// <summary>The queries sent to the CRM, in order (SOQL / SOSL text, or the OData path and query before URL encoding).</summary>
    [Id(1)] public IReadOnlyList<string> QueriesSent { get; init; } = [];
    /// <summary>How long the node took.</summary>
    [Id(2)] public TimeSpan Elapsed { get; init; }
}
