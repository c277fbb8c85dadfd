using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Source-generated System.Text.Json metadata for the Salesforce REST wire types.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(List<SalesforceError>))]
[JsonSerializable(typeof(SalesforceQueryPage))]
[JsonSerializable(typeof(SalesforceSearchResult))]
[JsonSerializable(typeof(List<JsonObject>))]
[JsonSerializable(typeof(SalesforceDescribeGlobalResult))]
[JsonSerializable(typeof(SalesforceObjectDescribe))]
[JsonSerializable(typeof(SalesforceCreateResult))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SalesforceJsonContext : JsonSerializerContext;
