using ClarityConnect.Crm.Tests.Scenarios;

namespace ClarityConnect.Crm.Tests.Dataverse;

/// <summary>The shared export scenarios against Dataverse (annotations, chunked uploads for large files).</summary>
[Collection(DataverseCollection.Name)]
public sealed class DataverseExportTests(DataverseClusterFixture fixture) : ExportScenarios<DataverseClusterFixture>(fixture);
