using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>A table's metadata (<c>EntityDefinitions</c>).</summary>
public sealed record DataverseEntityDefinition
{
    /// <summary><c>LogicalName</c>, e.g. <c>contact</c>.</summary>
    public required string LogicalName { get; init; }

    /// <summary><c>EntitySetName</c>, the Web API collection, e.g. <c>contacts</c>.</summary>
    public required string EntitySetName { get; init; }

    /// <summary><c>PrimaryIdAttribute</c>, e.g. <c>contactid</c>.</summary>
    public required string PrimaryIdAttribute { get; init; }

    /// <summary><c>PrimaryNameAttribute</c>, e.g. <c>fullname</c>; null for tables without one.</summary>
    public string? PrimaryNameAttribute { get; init; }

    /// <summary>The user's localized <c>DisplayName</c> label, e.g. <c>Contact</c>; null when the table has none.</summary>
    [JsonConverter(typeof(DataverseLabelConverter))]
    public string? DisplayName { get; init; }

    /// <summary><c>IsCustomEntity</c>.</summary>
    public bool IsCustomEntity { get; init; }
}
