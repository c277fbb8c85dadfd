using ClarityConnect.Crm.Tests.Scenarios;

namespace ClarityConnect.Crm.Tests.Salesforce;

/// <summary>The shared export scenarios against Salesforce (notes and ContentVersion files).</summary>
[Collection(SalesforceCollection.Name)]
public sealed class SalesforceExportTests(SalesforceClusterFixture fixture) : ExportScenarios<SalesforceClusterFixture>(fixture);
