using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Csi;

/// <summary>Source-generated JSON for CSI's wire types (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CsiEventBatch))]
public sealed partial class CsiJsonContext : JsonSerializerContext;
