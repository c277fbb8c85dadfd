using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>A column's metadata (<c>EntityDefinitions(LogicalName='…')/Attributes</c>).</summary>
public sealed record DataverseAttribute
{
    /// <summary><c>LogicalName</c>, e.g. <c>telephone1</c>.</summary>
    public required string LogicalName { get; init; }

    /// <summary><c>AttributeType</c>, e.g. <c>String</c>, <c>Lookup</c>, <c>Customer</c>, <c>DateTime</c>.</summary>
    public required string AttributeType { get; init; }

    /// <summary>The user's localized <c>DisplayName</c> label, e.g. <c>Business Phone</c>; null when none.</summary>
    [JsonConverter(typeof(DataverseLabelConverter))]
    public string? DisplayName { get; init; }

    /// <summary><c>IsValidForRead</c>: whether the column can be selected.</summary>
    public bool IsValidForRead { get; init; }

    /// <summary>For lookups (<c>Lookup</c>, <c>Customer</c>, <c>Owner</c>): the tables it can point to (<c>Targets</c>); empty otherwise.</summary>
    /// <remarks>Never null: System.Text.Json's generated code sets an init-only property it did not find in the JSON to null.</remarks>
    public IReadOnlyList<string> Targets { get => field; init => field = value ?? []; } = [];

    /// <summary>True for the lookup kinds, which the Web API surfaces as <c>_{name}_value</c>.</summary>
    public bool IsLookup => AttributeType is "Lookup" or "Customer" or "Owner";

    /// <summary>The Web API property for <c>$select</c> and <c>$filter</c>: <c>_{name}_value</c> for lookups, the logical name otherwise.</summary>
    public string PropertyName => IsLookup ? $"_{LogicalName}_value" : LogicalName;
}
