using System.Text.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClarityConnect.AdminApi;

/// <summary>
/// A node definition as the admin API reads and writes it: the members <c>ISessionGrain.RunNodeAsync</c>'s node has, in
/// camelCase as the <c>/nodes</c> page shows them, with the CRM taken from the URL. Where the endpoint does not fix the
/// kind of node (the node library), the member <c>type</c> names it: <c>customer-lookup</c> or <c>advanced-lookup</c>.
/// </summary>
internal static class NodeJson
{
    /// <summary>The member naming the kind of node.</summary>
    public const string TypeMember = "type";

    private const string IntegrationMember = "integration", NodeIdMember = "nodeId";

    // The same values as the /nodes page's node type control.
    private static readonly NodeKind[] Kinds =
    [
        new(Website.Components.Nodes.NodeBuilderForm.CustomerLookup, typeof(CustomerLookupNode), (crm, json) => Bind<CustomerLookupNode>(crm, json, "")),
        new(Website.Components.Nodes.NodeBuilderForm.AdvancedLookup, typeof(AdvancedLookupNode), (crm, json) => Bind<AdvancedLookupNode>(crm, json, "")),
    ];

    /// <summary>
    /// Binds <paramref name="json"/> as a <typeparamref name="TNode"/> of <paramref name="crm"/>: its <c>integration</c>
    /// must be that CRM or omitted; <paramref name="defaultNodeId"/>, when given, stands for an omitted <c>nodeId</c>.
    /// Problems name the member under <paramref name="prefix"/>.
    /// </summary>
    public static (TNode? Node, ProblemHttpResult? Problem) Bind<TNode>(string crm, JsonObject json, string prefix, string? defaultNodeId = null)
        where TNode : IntegrationNode
    {
        var copy = json.DeepClone().AsObject();
        if (Member(copy, IntegrationMember) is { } given)
        {
            if (copy[given] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || (string?)value != crm)
            {
                return (null, Problems.Validation(Path(prefix, IntegrationMember), $"must be '{crm}' (the integration in the URL) or omitted"));
            }

            copy.Remove(given);
        }

        copy[IntegrationMember] = crm;
        if (defaultNodeId is not null)
        {
            copy[Member(copy, NodeIdMember) ?? NodeIdMember] ??= defaultNodeId;
        }

        return AdminJson.Bind<TNode>(copy, prefix);
    }

    /// <summary>Binds a node whose <c>type</c> member says which kind it is; the node keeps no <c>nodeId</c> default.</summary>
    public static (IntegrationNode? Node, ProblemHttpResult? Problem) Bind(string crm, JsonObject json)
    {
        var kinds = string.Join(" or ", Kinds.Select(k => k.Name));
        if (Member(json, TypeMember) is not { } typeKey)
        {
            return (null, Problems.Validation(TypeMember, $"is required: the kind of node, {kinds}"));
        }

        var kind = json[typeKey] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? Kinds.FirstOrDefault(k => k.Name == (string?)value)
            : null;
        if (kind is null)
        {
            return (null, Problems.Validation(TypeMember, $"must be {kinds}"));
        }

        var members = json.DeepClone().AsObject();
        members.Remove(typeKey);
        return kind.Bind(crm, members);
    }

    /// <summary>The node as <see cref="Bind(string, JsonObject)"/> takes it back: <c>type</c> first, then its members.</summary>
    public static JsonObject ToJson(IntegrationNode node)
    {
        var kind = Kinds.Single(k => k.Type == node.GetType());
        var json = new JsonObject { [TypeMember] = kind.Name };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(node, node.GetType(), AdminJson.Options)!.AsObject())
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    // Member names are matched ignoring case, as the binder matches them (StrictJson refuses two that differ only in case).
    private static string? Member(JsonObject json, string name) =>
        json.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static string Path(string prefix, string member) => prefix.Length == 0 ? member : prefix + "." + member;

    private sealed record NodeKind(string Name, Type Type, Func<string, JsonObject, (IntegrationNode?, ProblemHttpResult?)> Bind);
}
