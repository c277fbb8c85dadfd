using ClarityConnect.Crm.Tests.Scenarios;

namespace ClarityConnect.Crm.Tests.Dataverse;

/// <summary>The shared screen-pop scenarios against Dataverse.</summary>
[Collection(DataverseCollection.Name)]
public sealed class DataverseScreenPopTests(DataverseClusterFixture fixture) : ScreenPopScenarios<DataverseClusterFixture>(fixture);
