using System.Text.Json.Nodes;
using ClarityConnect.TestDoubles.Salesforce.Sosl;

namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>An object type of the double's org: its describe and its records.</summary>
internal sealed class SalesforceDoubleObject(string name, string keyPrefix, string label)
{
    public string Name { get; } = name;

    public string KeyPrefix { get; } = keyPrefix;

    public string Label { get; } = label;

    public bool Custom => Name.EndsWith("__c", StringComparison.OrdinalIgnoreCase);

    /// <summary>The field describe marks <c>nameField</c>: <c>Name</c> on most objects, <c>CaseNumber</c> on Case,
    /// <c>Subject</c> on Task, <c>Title</c> on files and notes; null for objects without one.</summary>
    public string? NameField { get; set; }

    /// <summary>Fields in definition order, looked up case-insensitively (SOQL names are case-insensitive).</summary>
    public List<SalesforceDoubleField> Fields { get; } = [];

    /// <summary>Every record, seeded or created through the API.</summary>
    public List<JsonObject> Records { get; } = [];

    /// <summary>Records created through the API (POST), in order.</summary>
    public List<JsonObject> Created { get; } = [];

    // What searches compare of each record, by record identity; dropped when the record or the describe changes.
    private readonly Dictionary<JsonObject, SoslRecordText> searchText = new(ReferenceEqualityComparer.Instance);

    /// <summary>What a search compares of <paramref name="record"/> (one of <see cref="Records"/>).</summary>
    public SoslRecordText SearchText(JsonObject record)
    {
        if (!searchText.TryGetValue(record, out var text))
        {
            text = new SoslRecordText(this, record);
            searchText[record] = text;
        }

        return text;
    }

    /// <summary>Call after changing fields of <paramref name="record"/>: its search text is worked out again.</summary>
    public void Changed(JsonObject record) => searchText.Remove(record);

    public SalesforceDoubleField? Field(string fieldName) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, fieldName, StringComparison.OrdinalIgnoreCase));

    public SalesforceDoubleField? Relationship(string relationshipName) =>
        Fields.FirstOrDefault(f => string.Equals(f.RelationshipName, relationshipName, StringComparison.OrdinalIgnoreCase));

    public void Define(SalesforceDoubleField field)
    {
        // A field's type decides whether it is searched as a phone or as words.
        searchText.Clear();
        var existing = Fields.FindIndex(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase));
        if (existing >= 0)
        {
            Fields[existing] = field;
        }
        else
        {
            Fields.Add(field);
        }
    }
}
