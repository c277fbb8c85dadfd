namespace ClarityConnect.Abstractions.Nodes;

/// <summary>The node library of one CRM (key = <c>salesforce</c> or <c>dynamics</c>): node definitions saved under a name,
/// stored with the same durability as the integration settings.</summary>
public interface INodeLibraryGrain : IGrainWithStringKey
{
    /// <summary>Saves <paramref name="node"/> under <paramref name="name"/>, replacing a definition of the same name. A
    /// malformed node, a node of another CRM or a bad name throws <see cref="Sessions.InvalidRequestException"/>.</summary>
    Task<SavedNode> SaveAsync(string name, IntegrationNode node);

    /// <summary>Deletes the definition saved under <paramref name="name"/> (case-insensitive); false when none was.</summary>
    Task<bool> DeleteAsync(string name);

    /// <summary>The saved definitions, by name.</summary>
    Task<IReadOnlyList<SavedNode>> ListAsync();
}
