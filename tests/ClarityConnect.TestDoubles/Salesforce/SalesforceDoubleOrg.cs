using System.Globalization;
using System.Text.Json.Nodes;

namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>The double's in-memory org: object types, their describes, records and the id index. Not thread-safe: the double locks around it.</summary>
internal sealed class SalesforceDoubleOrg
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly Dictionary<string, string> StandardPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Account"] = "001", ["Note"] = "002", ["Contact"] = "003", ["User"] = "005", ["Opportunity"] = "006",
        ["Lead"] = "00Q", ["Task"] = "00T", ["Event"] = "00U", ["ContentVersion"] = "068", ["ContentDocument"] = "069",
        ["ContentNote"] = "069", ["ContentDocumentLink"] = "06A", ["Case"] = "500", ["Attachment"] = "00P",
    };

    private readonly Dictionary<string, SalesforceDoubleObject> objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (SalesforceDoubleObject Type, JsonObject Record)> byId = new(StringComparer.Ordinal);
    private long nextId = 1;
    private int nextCustomPrefix;

    public SalesforceDoubleOrg()
    {
        static SalesforceDoubleField F(string name, string type = "string") => new(name, type, [], null);
        static SalesforceDoubleField R(string name, string relationship, params string[] to) => new(name, "reference", to, relationship);
        var audit = new[] { F("CreatedDate", "datetime"), F("LastModifiedDate", "datetime"), R("OwnerId", "Owner", "User") };

        Standard("User", "User", "Name", F("Name"), F("Username"), F("Email", "email"), F("Phone", "phone"));
        Standard("Account", "Account", "Name", [F("Name"), F("Phone", "phone"), F("Fax", "phone"), F("Website", "url"), F("Type", "picklist"), R("ParentId", "Parent", "Account"), .. audit]);
        Standard("Contact", "Contact", "Name", [F("FirstName"), F("LastName"), F("Name"), F("Title"), F("Phone", "phone"), F("MobilePhone", "phone"), F("HomePhone", "phone"), F("OtherPhone", "phone"), F("AssistantPhone", "phone"), F("Fax", "phone"), F("Email", "email"), R("AccountId", "Account", "Account"), .. audit]);
        Standard("Lead", "Lead", "Name", [F("FirstName"), F("LastName"), F("Name"), F("Company"), F("Phone", "phone"), F("MobilePhone", "phone"), F("Email", "email"), F("Status", "picklist"), .. audit]);
        Standard("Case", "Case", "CaseNumber", [F("CaseNumber"), F("Subject"), F("Status", "picklist"), R("ContactId", "Contact", "Contact"), R("AccountId", "Account", "Account"), .. audit]);
        Standard("Opportunity", "Opportunity", "Name", [F("Name"), F("StageName", "picklist"), R("AccountId", "Account", "Account"), .. audit]);
        Standard("Task", "Task", "Subject", [R("WhoId", "Who", "Contact", "Lead"), R("WhatId", "What", "Account", "Opportunity", "Case"), F("Subject", "combobox"), F("Status", "picklist"), F("Priority", "picklist"), F("ActivityDate", "date"), F("Description", "textarea"), F("CallDurationInSeconds", "int"), F("CallType", "picklist"), F("CallDisposition"), F("CallObject"), F("TaskSubtype", "picklist"), .. audit]);
        Standard("Note", "Note", "Title", [R("ParentId", "Parent", "Account", "Contact", "Lead", "Case", "Opportunity"), F("Title"), F("Body", "textarea"), F("IsPrivate", "boolean"), .. audit]);
        Standard("ContentDocument", "Content Document", "Title", [F("Title"), F("FileType"), F("ContentSize", "int"), .. audit]);
        Standard("ContentVersion", "Content Version", "Title", [F("Title"), F("PathOnClient"), F("VersionData", "base64"), R("FirstPublishLocationId", "FirstPublishLocation", "Account", "Contact", "Lead", "Case", "Opportunity", "User"), F("ContentLocation", "picklist"), F("Description", "textarea"), R("ContentDocumentId", "ContentDocument", "ContentDocument"), F("FileType"), F("ContentSize", "int"), F("ReasonForChange"), .. audit]);
        Standard("ContentNote", "Note", "Title", [F("Title"), F("Content", "base64"), .. audit]);
        Standard("ContentDocumentLink", "Content Document Link", null, [R("LinkedEntityId", "LinkedEntity", "Account", "Contact", "Lead", "Case", "Opportunity", "User"), R("ContentDocumentId", "ContentDocument", "ContentDocument"), F("ShareType", "picklist"), F("Visibility", "picklist")]);
    }

    public IEnumerable<SalesforceDoubleObject> Objects => objects.Values.OrderBy(o => o.Name, StringComparer.Ordinal);

    public SalesforceDoubleObject? Find(string name) => objects.GetValueOrDefault(name);

    public (SalesforceDoubleObject Type, JsonObject Record)? FindById(string? id)
    {
        if (id is null)
        {
            return null;
        }

        if (byId.TryGetValue(id, out var hit))
        {
            return hit;
        }

        // Salesforce accepts the 15-character form of an id wherever the 18-character one is accepted.
        if (id.Length == 15)
        {
            foreach (var (key, value) in byId)
            {
                if (key.StartsWith(id, StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }

        return null;
    }

    public SalesforceDoubleObject Define(string name, string? keyPrefix = null, string? label = null)
    {
        if (objects.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var prefix = keyPrefix ?? StandardPrefixes.GetValueOrDefault(name) ?? CustomPrefix(nextCustomPrefix++);
        var type = new SalesforceDoubleObject(name, prefix, label ?? name.Replace("__c", string.Empty, StringComparison.OrdinalIgnoreCase).Replace('_', ' '));
        type.Define(new SalesforceDoubleField("Id", "id", [], null));
        if (type.Custom)
        {
            // Every custom object has a Name (its name field, text or auto-number), the audit fields and an owner.
            type.NameField = "Name";
            type.Define(new SalesforceDoubleField("Name", "string", [], null));
            type.Define(new SalesforceDoubleField("CreatedDate", "datetime", [], null));
            type.Define(new SalesforceDoubleField("LastModifiedDate", "datetime", [], null));
            type.Define(new SalesforceDoubleField("OwnerId", "reference", ["User"], "Owner"));
        }

        objects[name] = type;
        return type;
    }

    public string Add(string objectType, JsonObject fields, bool created)
    {
        var type = Define(objectType);
        var id = NewId(type.KeyPrefix);
        var record = new JsonObject { ["Id"] = id };
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
        foreach (var (key, value) in fields)
        {
            if (string.Equals(key, "Id", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "attributes", StringComparison.Ordinal))
            {
                continue;
            }

            var field = type.Field(key) ?? InferField(type, key, value);
            record[field.Name] = Stored(value);
        }

        if (type.Field("Name") is not null && record["Name"] is null && (record["FirstName"] is not null || record["LastName"] is not null))
        {
            // Contact and Lead names are compound fields derived from their parts.
            record["Name"] = string.Join(' ', new[] { (string?)record["FirstName"], (string?)record["LastName"] }.Where(s => !string.IsNullOrEmpty(s)));
        }

        foreach (var audit in new[] { "CreatedDate", "LastModifiedDate" })
        {
            if (type.Field(audit) is not null && record[audit] is null)
            {
                record[audit] = now;
            }
        }

        type.Records.Add(record);
        if (created)
        {
            type.Created.Add(record);
        }

        byId[id] = (type, record);
        return id;
    }

    /// <summary>A copy of a field's value to keep in the org. Text is kept as a string (a parsed JSON value would decode its UTF-8
    /// again on every read, and queries read every record's fields); everything else is a deep copy.</summary>
    public static JsonNode? Stored(JsonNode? value) =>
        value is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? JsonValue.Create(text.GetValue<string>())
            : value?.DeepClone();

    public string NewId(string prefix)
    {
        var counter = nextId++;
        var body = new char[9];
        for (var i = 8; i >= 0; i--)
        {
            body[i] = Base62[(int)(counter % 62)];
            counter /= 62;
        }

        var id15 = prefix + "D0" + "0" + new string(body);
        return id15 + Checksum(id15);
    }

    /// <summary>The 3-character suffix that makes an id case-insensitively unique (one bit per upper-case letter, 5 chars per suffix char).</summary>
    public static string Checksum(string id15)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        var suffix = new char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var flags = 0;
            for (var j = 0; j < 5; j++)
            {
                if (char.IsAsciiLetterUpper(id15[chunk * 5 + j]))
                {
                    flags |= 1 << j;
                }
            }

            suffix[chunk] = Alphabet[flags];
        }

        return new string(suffix);
    }

    private SalesforceDoubleField InferField(SalesforceDoubleObject type, string name, JsonNode? value)
    {
        SalesforceDoubleField field;
        var kind = value?.GetValueKind();
        if (kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
        {
            field = new(name, "boolean", [], null);
        }
        else if (kind is System.Text.Json.JsonValueKind.Number)
        {
            field = new(name, value!.ToJsonString().Contains('.', StringComparison.Ordinal) ? "double" : "int", [], null);
        }
        else if (kind is System.Text.Json.JsonValueKind.String && FindById((string?)value) is { } target
                 && (name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("__c", StringComparison.OrdinalIgnoreCase)))
        {
            var relationship = name.EndsWith("__c", StringComparison.OrdinalIgnoreCase) ? name[..^1] + "r" : name[..^2];
            field = new(name, "reference", [target.Type.Name], relationship);
        }
        else if (name.Contains("Phone", StringComparison.OrdinalIgnoreCase) || name.Contains("Fax", StringComparison.OrdinalIgnoreCase))
        {
            field = new(name, "phone", [], null);
        }
        else if (name.Contains("Email", StringComparison.OrdinalIgnoreCase))
        {
            field = new(name, "email", [], null);
        }
        else if (name.EndsWith("Date", StringComparison.OrdinalIgnoreCase))
        {
            field = new(name, "datetime", [], null);
        }
        else
        {
            field = new(name, "string", [], null);
        }

        type.Define(field);
        return field;
    }

    private static string CustomPrefix(int n) => "a" + Base62[n / 62 % 62] + Base62[n % 62];

    private void Standard(string name, string label, string? nameField, params SalesforceDoubleField[] fields)
    {
        var type = Define(name, StandardPrefixes[name], label);
        type.NameField = nameField;
        foreach (var field in fields)
        {
            type.Define(field);
        }
    }
}
