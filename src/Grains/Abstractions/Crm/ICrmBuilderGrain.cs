using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Abstractions.Crm;

/// <summary>
/// What the administrative website needs to build an Advanced Lookup node for one CRM (key = <c>salesforce</c> or
/// <c>dynamics</c>): the objects, their fields, the placeholders of a WHERE and "Validate Query".
/// </summary>
public interface ICrmBuilderGrain : IGrainWithStringKey
{
    /// <summary>The queryable objects.</summary>
    Task<IReadOnlyList<CrmObjectInfo>> ListObjectsAsync();

    /// <summary>The fields of <paramref name="objectName"/>; with <paramref name="extended"/> ("Get Extended Properties") also the fields of related objects.</summary>
    Task<IReadOnlyList<CrmFieldInfo>> ListFieldsAsync(string objectName, bool extended);

    /// <summary>"Generate Value Boxes": the <c>{{ExtraItem}}</c> placeholders the node's WHERE uses, in order of first use.</summary>
    Task<IReadOnlyList<string>> GetPlaceholdersAsync(AdvancedLookupNode node);

    /// <summary>Validates a Customer Lookup node against the CRM: with Lookup Type Extra Item Key, whether the object the
    /// Search Parameter names has that field and can search by it. Invalid: the message names the field and the object.</summary>
    Task<QueryValidation> ValidateLookupAsync(CustomerLookupNode node);

    /// <summary>"Validate Query": runs the node's query with <paramref name="sampleValues"/> for its placeholders.</summary>
    Task<QueryValidation> ValidateQueryAsync(AdvancedLookupNode node, IReadOnlyDictionary<string, string> sampleValues);

    /// <summary>"Try node": runs <paramref name="node"/> through the same pipeline as <see cref="Sessions.ISessionGrain.RunNodeAsync"/>
    /// with <paramref name="input"/> as the session's data, without a session: nothing is recorded, remembered for later
    /// callers or exported. A malformed node throws <see cref="Sessions.InvalidRequestException"/>, as RunNodeAsync does.</summary>
    Task<NodeTrial> TryNodeAsync(IntegrationNode node, NodeTrialInput input);
}
