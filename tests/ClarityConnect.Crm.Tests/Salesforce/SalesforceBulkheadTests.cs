using ClarityConnect.Crm.Tests.Scenarios;

namespace ClarityConnect.Crm.Tests.Salesforce;

/// <summary>The shared bulkhead scenarios against Salesforce.</summary>
[Collection(TrippingSalesforceCollection.Name)]
public sealed class SalesforceBulkheadTests(TrippingSalesforceClusterFixture fixture) : BulkheadScenarios<TrippingSalesforceClusterFixture>(fixture);
