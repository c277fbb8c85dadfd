namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>A column of a <see cref="DataverseDouble"/> table.</summary>
/// <param name="LogicalName">The logical name, e.g. <c>telephone1</c> or <c>parentcustomerid</c>.</param>
/// <param name="AttributeType">Dataverse's AttributeType: String, Memo, Lookup, Customer, Owner, DateTime, Boolean, Integer, Picklist, Status, State, Decimal, Money, Uniqueidentifier, EntityName.</param>
/// <param name="DisplayName">The label, e.g. <c>Business Phone</c>.</param>
/// <param name="Targets">For lookups: the tables it can point to.</param>
/// <param name="IsValidForRead">Whether it can be selected.</param>
public sealed record DataverseDoubleAttribute(
    string LogicalName, string AttributeType, string? DisplayName = null, IReadOnlyList<string>? Targets = null, bool IsValidForRead = true)
{
    /// <summary>True for Lookup, Customer and Owner columns, surfaced as <c>_{name}_value</c>.</summary>
    public bool IsLookup => AttributeType is "Lookup" or "Customer" or "Owner";

    /// <summary>The Web API property: <c>_{name}_value</c> for lookups, the logical name otherwise.</summary>
    public string PropertyName => IsLookup ? $"_{LogicalName}_value" : LogicalName;

    /// <summary>The lookup's targets, empty for other columns.</summary>
    public IReadOnlyList<string> LookupTargets => Targets ?? [];

    /// <summary>The single-valued navigation property to <paramref name="target"/>: <c>{name}_{target}</c> when the lookup has
    /// several targets (customer lookups: <c>parentcustomerid_account</c>), the name itself otherwise.</summary>
    public string NavigationName(string target) => LookupTargets.Count > 1 ? $"{LogicalName}_{target}" : LogicalName;
}
