using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Nodes;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// Stands in for the Salesforce connector at the node-adapter seam: finds one contact for any caller whose name is
/// not "Nobody". The real connector and its wire-level tests belong to the Salesforce package.
/// </summary>
public sealed class FakeSalesforceAdapter : ICrmNodeAdapter
{
    public string Integration => IntegrationNames.Salesforce;

    public Task<NodeOutcome> RunAsync(IntegrationNode node, SessionSnapshot session, CancellationToken cancellationToken)
    {
        if (session.CallerIdName == "Nobody")
        {
            return Task.FromResult(IntegrationNodeRunner.NotFound(node, "No Salesforce record matches the caller."));
        }

        var autoOpen = node is CustomerLookupNode { AutoOpenOnAccept: true };
        var record = new CrmRecordLink
        {
            Integration = Integration,
            ObjectType = "Contact",
            RecordId = "003000000000001AAA",
            Name = session.CallerIdName,
            Url = new Uri("https://example.lightning.force.com/lightning/r/Contact/003000000000001AAA/view"),
            AutoOpenOnAccept = autoOpen,
        };
        return Task.FromResult(new NodeOutcome
        {
            Exit = node is AdvancedLookupNode ? NodeExit.SingleResult : NodeExit.Match,
            Records = [record],
            ExtraItemsSet = new Dictionary<string, string> { ["SF.ContactId"] = record.RecordId, ["SF.Name"] = record.Name ?? "" },
        });
    }
}
