using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Source-generated System.Text.Json metadata for the Dataverse Web API wire types.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DataverseErrorEnvelope))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(ODataCollection<DataverseEntityDefinition>))]
[JsonSerializable(typeof(DataverseEntityDefinition))]
[JsonSerializable(typeof(ODataCollection<DataverseAttribute>))]
[JsonSerializable(typeof(ODataCollection<DataverseLookupTargets>))]
[JsonSerializable(typeof(ODataCollection<DataverseRelationship>))]
[JsonSerializable(typeof(DataverseLabel))]
internal sealed partial class DataverseJsonContext : JsonSerializerContext;
