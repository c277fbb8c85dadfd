using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Sessions;

namespace ClarityConnect.Grains.Nodes;

/// <summary>One CRM's node library, in the default grain storage as the integration settings are.</summary>
public sealed class NodeLibraryGrain(
    [PersistentState("node-library")] IPersistentState<NodeLibraryState> state,
    TimeProvider time) : Grain, INodeLibraryGrain
{
    /// <inheritdoc />
    public async Task<SavedNode> SaveAsync(string name, IntegrationNode node)
    {
        name = SessionInput.Name(name, "name");
        NodeDefinitionValidator.Validate(node);
        if (node.Integration != this.GetPrimaryKeyString())
        {
            throw new InvalidRequestException("Integration", $"must be '{this.GetPrimaryKeyString()}' (the library's CRM), not '{node.Integration}'");
        }

        var saved = new SavedNode { Name = name, Node = node, SavedAt = time.GetUtcNow() };
        // The comparer is not stored by every serializer; a fresh case-insensitive copy keeps one entry per name.
        var nodes = new Dictionary<string, SavedNode>(state.State.Nodes, StringComparer.OrdinalIgnoreCase) { [name] = saved };
        state.State.Nodes = nodes;
        await state.WriteStateAsync();
        return saved;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string name)
    {
        var nodes = new Dictionary<string, SavedNode>(state.State.Nodes, StringComparer.OrdinalIgnoreCase);
        if (!nodes.Remove(name))
        {
            return false;
        }

        state.State.Nodes = nodes;
        await state.WriteStateAsync();
        return true;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SavedNode>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SavedNode>>(state.State.Nodes.Values.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase).ToList());
}
