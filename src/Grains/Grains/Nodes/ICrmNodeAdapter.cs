using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Nodes;

/// <summary>Runs nodes against one CRM (Salesforce or Dataverse) once its integration is enabled.</summary>
public interface ICrmNodeAdapter
{
    /// <summary>The integration this adapter serves.</summary>
    string Integration { get; }

    /// <summary>Runs the node; remote failures become a no-match / no-results outcome with the reason.</summary>
    Task<NodeOutcome> RunAsync(IntegrationNode node, SessionSnapshot session, CancellationToken cancellationToken);
}
