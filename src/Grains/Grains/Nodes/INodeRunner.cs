using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Nodes;

/// <summary>Runs an integration node for a session. Never throws for remote failures: they become a no-match / no-results outcome with a reason.</summary>
public interface INodeRunner
{
    /// <summary>Runs <paramref name="node"/> against the session as it is now.</summary>
    Task<NodeOutcome> RunAsync(IntegrationNode node, SessionSnapshot session, CancellationToken cancellationToken);

    /// <summary>"Try node": runs <paramref name="node"/> exactly as <see cref="RunAsync"/> does (same exit), but leaves no
    /// trace: a match is not remembered for later callers and the run is not counted in the node metrics.</summary>
    Task<NodeOutcome> TryAsync(IntegrationNode node, SessionSnapshot session, CancellationToken cancellationToken);
}
