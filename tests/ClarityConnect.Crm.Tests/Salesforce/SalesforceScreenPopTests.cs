using ClarityConnect.Crm.Tests.Scenarios;

namespace ClarityConnect.Crm.Tests.Salesforce;

/// <summary>The shared screen-pop scenarios against Salesforce.</summary>
[Collection(SalesforceCollection.Name)]
public sealed class SalesforceScreenPopTests(SalesforceClusterFixture fixture) : ScreenPopScenarios<SalesforceClusterFixture>(fixture);
