namespace ClarityConnect.Connectors.Dataverse;

/// <summary>A many-to-one relationship of a table (<c>EntityDefinitions(LogicalName='…')/ManyToOneRelationships</c>).</summary>
public sealed record DataverseRelationship
{
    /// <summary><c>ReferencingAttribute</c>: the lookup column, e.g. <c>parentcustomerid</c>.</summary>
    public required string ReferencingAttribute { get; init; }

    /// <summary><c>ReferencedEntity</c>: the table it points to, e.g. <c>account</c>.</summary>
    public required string ReferencedEntity { get; init; }

    /// <summary><c>ReferencingEntityNavigationPropertyName</c>: the single-valued navigation property for <c>$expand</c>, e.g. <c>parentcustomerid_account</c>.</summary>
    public required string ReferencingEntityNavigationPropertyName { get; init; }
}
