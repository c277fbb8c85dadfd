using System.Text.Json.Nodes;

namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>A table of the <see cref="DataverseDouble"/>: its metadata and its rows (in Web API shape: lookups as <c>_x_value</c>).</summary>
internal sealed class DataverseDoubleEntity(string logicalName, string entitySetName, string? primaryNameAttribute, string displayName, bool isCustom)
{
    public string LogicalName { get; } = logicalName;

    public string EntitySetName { get; } = entitySetName;

    public string PrimaryIdAttribute => LogicalName + "id";

    public string? PrimaryNameAttribute { get; } = primaryNameAttribute;

    public string DisplayName { get; } = displayName;

    public bool IsCustom { get; } = isCustom;

    public List<DataverseDoubleAttribute> Attributes { get; } = [];

    public List<JsonObject> Records { get; } = [];

    public DataverseDoubleAttribute? Attribute(string logicalName) =>
        Attributes.FirstOrDefault(a => string.Equals(a.LogicalName, logicalName, StringComparison.Ordinal));

    public DataverseDoubleAttribute? ByProperty(string propertyName) =>
        Attributes.FirstOrDefault(a => string.Equals(a.PropertyName, propertyName, StringComparison.Ordinal));

    /// <summary>The lookup and target behind a navigation property name, e.g. <c>parentcustomerid_account</c>.</summary>
    public (DataverseDoubleAttribute Attribute, string Target)? Navigation(string navigationName)
    {
        foreach (var attribute in Attributes.Where(a => a.IsLookup))
        {
            foreach (var target in attribute.LookupTargets)
            {
                if (attribute.NavigationName(target) == navigationName)
                {
                    return (attribute, target);
                }
            }
        }

        return null;
    }

    public void Define(DataverseDoubleAttribute attribute)
    {
        Attributes.RemoveAll(a => a.LogicalName == attribute.LogicalName);
        Attributes.Add(attribute);
    }

    public JsonObject? Find(Guid id) =>
        Records.FirstOrDefault(r => Guid.TryParse((string?)r[PrimaryIdAttribute], out var key) && key == id);
}
