using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Crm;

namespace ClarityConnect.Grains.Nodes;

/// <summary>
/// Runs a node against its CRM through the shared pipeline. A disabled integration takes the no-match / no-results
/// exit, as the manual says; so does a lookup that outlives <see cref="NodeTimeout"/>.
/// </summary>
public sealed class IntegrationNodeRunner(
    IGrainFactory grains,
    IEnumerable<ICrmAdapter> adapters,
    CustomerLookupRunner customerLookup,
    AdvancedLookupRunner advancedLookup) : INodeRunner
{
    /// <summary>The longest a node may take, retries included, before the call flow moves on.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(20);

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

        if (adapters.FirstOrDefault(a => a.Integration == node.Integration) is not { } crm)
        {
            return NotFound(node, $"No {node.Integration} connector is installed on this silo.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NodeTimeout);
        var outcome = node switch
        {
            CustomerLookupNode lookup => customerLookup.RunAsync(crm, lookup, session, timeout.Token),
            AdvancedLookupNode advanced => advancedLookup.RunAsync(crm, advanced, session, timeout.Token),
            _ => throw new InvalidRequestException("node", $"unknown node type {node.GetType().Name}"),
        };
        return await outcome;
    }

    /// <summary>The no-match / no-results outcome of <paramref name="node"/> with <paramref name="reason"/>.</summary>
    public static NodeOutcome NotFound(IntegrationNode node, string reason) => new()
    {
        Exit = node is AdvancedLookupNode ? NodeExit.NoResults : NodeExit.NoMatch,
        Reason = reason,
    };
}
