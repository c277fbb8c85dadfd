using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Nodes;

/// <summary>
/// Runs a node against its integration: a disabled integration takes the no-match / no-results exit, as the manual
/// says. The CRM adapters (Salesforce, Dataverse) plug in through <see cref="ICrmNodeAdapter"/>.
/// </summary>
public sealed class IntegrationNodeRunner(IGrainFactory grains, IEnumerable<ICrmNodeAdapter> adapters) : INodeRunner
{
    /// <inheritdoc />
    public async Task<NodeOutcome> RunAsync(IntegrationNode node, SessionSnapshot session, CancellationToken cancellationToken)
    {
        var config = await grains.GetGrain<IIntegrationConfigGrain>(node.Integration).GetAsync();
        var enabled = config.Settings switch
        {
            SalesforceSettings salesforce => salesforce.Enabled,
            DynamicsSettings dynamics => dynamics.Enabled,
            _ => false,
        };
        if (!enabled)
        {
            return NotFound(node, $"The {node.Integration} integration is disabled.");
        }

        var adapter = adapters.FirstOrDefault(a => a.Integration == node.Integration);
        return adapter is null
            ? NotFound(node, $"No {node.Integration} connector is installed on this silo.")
            : await adapter.RunAsync(node, session, cancellationToken);
    }

    /// <summary>The no-match / no-results outcome of <paramref name="node"/> with <paramref name="reason"/>.</summary>
    public static NodeOutcome NotFound(IntegrationNode node, string reason) => new()
    {
        Exit = node is AdvancedLookupNode ? NodeExit.NoResults : NodeExit.NoMatch,
        Reason = reason,
    };
}
