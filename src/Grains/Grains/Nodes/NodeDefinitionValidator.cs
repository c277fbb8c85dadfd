using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Nodes;

/// <summary>Checks a node definition before it runs; a broken call flow is a configuration error, not a no-match. Names are
/// checked here for their form only; whether the CRM has them is the builder's check (<c>ICrmBuilderGrain.ValidateLookupAsync</c>,
/// <c>ValidateQueryAsync</c>) and, at run time, the adapter's.</summary>
public static partial class NodeDefinitionValidator
{
    /// <summary>Throws <see cref="InvalidRequestException"/> naming the first invalid member.</summary>
    public static void Validate(IntegrationNode node)
    {
        Require(!string.IsNullOrWhiteSpace(node.NodeId), "NodeId", "is required");
        Require(node.Integration is IntegrationNames.Salesforce or IntegrationNames.Dynamics, "Integration",
            $"must be '{IntegrationNames.Salesforce}' or '{IntegrationNames.Dynamics}', not '{node.Integration}'");
        switch (node)
        {
            case CustomerLookupNode lookup:
                if (lookup.LookupType == LookupType.ExtraItemKey)
                {
                    Require(!string.IsNullOrWhiteSpace(lookup.ExtraItemName), "ExtraItemName", "is required with Lookup Type Extra Item Key");
                    Require(!string.IsNullOrWhiteSpace(lookup.SearchParameter), "SearchParameter", "is required with Lookup Type Extra Item Key");
                    Require(SearchParameterForm().IsMatch(lookup.SearchParameter!), "SearchParameter",
                        $"must be Field or Object.Field (API or logical names, e.g. Ticket__c.Ticket_Number__c), not '{lookup.SearchParameter}'");
                }

                Require(lookup.DaysToGoBack is >= 1 and <= 3650, "DaysToGoBack", "must be between 1 and 3650");
                break;
            case AdvancedLookupNode advanced:
                Require(!string.IsNullOrWhiteSpace(advanced.PrimaryObject), "PrimaryObject", "is required");
                Require(advanced.Fields.Count > 0, "Fields", "must name at least one field");
                Require(advanced.Fields.All(f => !string.IsNullOrWhiteSpace(f.Field)), "Fields", "must not contain an empty field name");
                Require((advanced.Condition is not null) ^ !string.IsNullOrWhiteSpace(advanced.FreeFormWhere),
                    "Condition", "exactly one of Condition and FreeFormWhere must be set");
                Require(advanced.Condition is null || !string.IsNullOrWhiteSpace(advanced.Condition.Field), "Condition.Field", "is required");
                break;
            default:
                throw new InvalidRequestException("node", $"unknown node type {node.GetType().Name}");
        }
    }

    // Salesforce API names (Ticket_Number__c, ns__Field__c) and Dataverse logical names (new_loyaltyid) alike.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,79}(\.[A-Za-z][A-Za-z0-9_]{0,79})?\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SearchParameterForm();

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new InvalidRequestException(field, problem);
        }
    }
}
