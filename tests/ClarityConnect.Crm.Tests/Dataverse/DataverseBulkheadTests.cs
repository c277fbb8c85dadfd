using ClarityConnect.Crm.Tests.Scenarios;

namespace ClarityConnect.Crm.Tests.Dataverse;

/// <summary>The shared bulkhead scenarios against Dataverse.</summary>
[Collection(TrippingDataverseCollection.Name)]
public sealed class DataverseBulkheadTests(TrippingDataverseClusterFixture fixture) : BulkheadScenarios<TrippingDataverseClusterFixture>(fixture);
