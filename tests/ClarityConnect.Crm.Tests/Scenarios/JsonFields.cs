using System.Text.Json.Nodes;

namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>Builds a record's fields for a double, leaving out those the scenario did not set (a CRM stores no null it was not sent).</summary>
public static class JsonFields
{
    /// <summary>A JSON object of the fields with a value.</summary>
    public static JsonObject Of(params (string Name, string? Value)[] fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            json[name] = value;
        }

        return json;
    }
}
