namespace ClarityConnect.Abstractions.Nodes;

/// <summary>The Salesforce / Ms Dynamics Advanced Lookup node. Exits: <see cref="NodeExit.SingleResult"/>, <see cref="NodeExit.MultipleResults"/>, <see cref="NodeExit.NoResults"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record AdvancedLookupNode : IntegrationNode
{
    /// <summary>The primary object (Salesforce sObject or Dataverse entity) queried.</summary>
    [Id(0)] public required string PrimaryObject { get; init; }
    /// <summary>The queried fields and their target extra items.</summary>
    [Id(1)] public IReadOnlyList<FieldMapping> Fields { get; init; } = [];
    /// <summary>The GUI single condition; exactly one of this and <see cref="FreeFormWhere"/> is set.</summary>
    [Id(2)] public WhereCondition? Condition { get; init; }
    /// <summary>A free-form WHERE clause (SOQL, or OData <c>$filter</c> for Dynamics) with <c>{{ExtraItem}}</c> placeholders.</summary>
    [Id(3)] public string? FreeFormWhere { get; init; }
    /// <summary>What to do when several records match.</summary>
    [Id(4)] public MultipleResultsPolicy MultipleResults { get; init; }
}
