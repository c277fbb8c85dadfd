using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>The double's tables: definitions, seeding and filter parsing.</summary>
public sealed partial class DataverseDouble
{
    private readonly Dictionary<string, DataverseDoubleEntity> entities = new(StringComparer.Ordinal);
    private IEdmModel? model;

    /// <summary>Declares a table (known to metadata, queries and creation even without records) with its primary key
    /// <c>{logicalName}id</c>, <c>createdon</c> and <c>modifiedon</c>.</summary>
    public void DefineEntity(string logicalName, string entitySetName, string? primaryNameAttribute = null, string? displayName = null, bool isCustom = true)
    {
        lock (sync)
        {
            var entity = new DataverseDoubleEntity(logicalName, entitySetName, primaryNameAttribute, displayName ?? logicalName, isCustom);
            entity.Define(new DataverseDoubleAttribute(logicalName + "id", "Uniqueidentifier", displayName ?? logicalName));
            entity.Define(new DataverseDoubleAttribute("createdon", "DateTime", "Created On"));
            entity.Define(new DataverseDoubleAttribute("modifiedon", "DateTime", "Modified On"));
            entities[logicalName] = entity;
            model = null;
        }
    }

    /// <summary>Declares or replaces a column, e.g. <c>DefineAttribute("contact", "new_loyaltyid", "String", "Loyalty Id")</c>
    /// or a lookup <c>DefineAttribute("contact", "new_householdid", "Lookup", "Household", ["account"])</c>.</summary>
    public void DefineAttribute(string logicalName, string attributeName, string attributeType = "String", string? displayName = null, IReadOnlyList<string>? targets = null, bool isValidForRead = true)
    {
        lock (sync)
        {
            Entity(logicalName).Define(new DataverseDoubleAttribute(attributeName, attributeType, displayName, targets, isValidForRead));
            model = null;
        }
    }

    /// <summary>Removes a column from a table, as an environment whose table lacks it (a column deleted, a solution not
    /// installed): metadata stops listing it and <c>$select</c> / <c>$filter</c> naming it are refused with
    /// "Could not find a property named …".</summary>
    public void RemoveAttribute(string logicalName, string attributeName)
    {
        lock (sync)
        {
            if (Entity(logicalName).Attributes.RemoveAll(a => a.LogicalName == attributeName) == 0)
            {
                throw new KeyNotFoundException($"The Dataverse double's table '{logicalName}' has no column '{attributeName}'.");
            }

            model = null;
        }
    }

    /// <summary>Seeds a record and returns its id. Fields use Web API names: columns by logical name, lookups as
    /// <c>_x_value</c> (the target is found by id) or <c>nav@odata.bind</c> (<c>"/accounts(guid)"</c>). The primary key
    /// <c>{logicalName}id</c> is set when absent, and <c>modifiedon</c> (now) too. Unknown columns are declared from their values.</summary>
    public Guid AddRecord(string logicalName, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        lock (sync)
        {
            var entity = Entity(logicalName);
            foreach (var (key, value) in fields)
            {
                if (!key.Contains('@', StringComparison.Ordinal) && entity.ByProperty(key) is null && !(key.StartsWith('_') && key.EndsWith("_value", StringComparison.Ordinal)))
                {
                    entity.Define(new DataverseDoubleAttribute(key, value?.GetValueKind() switch
                    {
                        JsonValueKind.True or JsonValueKind.False => "Boolean",
                        JsonValueKind.Number => "Decimal",
                        _ => "String",
                    }, key));
                    model = null;
                }
            }

            var record = Build(entity, fields, requireKnownTargets: false);
            record[entity.PrimaryIdAttribute] ??= Guid.NewGuid().ToString("D");
            record["modifiedon"] ??= DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            record["createdon"] ??= record["modifiedon"]!.DeepClone();
            entity.Records.Add(record);
            return Guid.Parse((string)record[entity.PrimaryIdAttribute]!);
        }
    }

    /// <summary>A copy of a record, or null.</summary>
    public JsonObject? GetRecord(string logicalName, Guid id)
    {
        lock (sync)
        {
            return Entity(logicalName).Find(id)?.DeepClone().AsObject();
        }
    }

    /// <summary>Copies of all records of a table (seeded and created), in insertion order.</summary>
    public IReadOnlyList<JsonObject> Records(string logicalName)
    {
        lock (sync)
        {
            return Entity(logicalName).Records.Select(r => r.DeepClone().AsObject()).ToList();
        }
    }

    /// <summary>Parses a <c>$filter</c> against a table the way the Web API does (for tests that evaluate a filter themselves).</summary>
    /// <exception cref="InvalidOperationException">The filter does not parse; the message is the parser's (e.g. "There is an unterminated literal …").</exception>
    public DataverseFilter Filter(string entitySetName, string filter)
    {
        try
        {
            return ParseFilter(entitySetName, "?$filter=" + Uri.EscapeDataString(filter))
                ?? throw new InvalidOperationException("No filter.");
        }
        catch (DataverseDoubleException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
    }

    private DataverseDoubleEntity Entity(string logicalName) =>
        entities.TryGetValue(logicalName, out var entity) ? entity : throw new KeyNotFoundException($"The Dataverse double has no table '{logicalName}'.");

    private DataverseDoubleEntity? BySet(string entitySetName)
    {
        lock (sync)
        {
            return entities.Values.FirstOrDefault(e => e.EntitySetName == entitySetName);
        }
    }

    private IEdmModel Model()
    {
        lock (sync)
        {
            return model ??= DataverseDoubleModel.Build(entities.Values.ToList());
        }
    }

    private ODataUriParser Parser(string resource, string rawQuery) =>
        new(Model(), WebApiUrl, new Uri(resource + rawQuery, UriKind.Relative)) { Resolver = new ODataUriResolver { EnableCaseInsensitive = false } };

    private DataverseFilter? ParseFilter(string resource, string rawQuery)
    {
        try
        {
            var clause = Parser(resource, rawQuery).ParseFilter();
            return clause is null ? null : new DataverseFilter(Uri.UnescapeDataString(QueryValue(rawQuery, "$filter") ?? string.Empty), clause, Navigate);
        }
        catch (ODataException ex)
        {
            throw UriRefused(ex);
        }
    }

    // The Web API answers an unknown property with code 0x0 and the parser's message ("Could not find a property named
    // 'Name' on type 'Microsoft.Dynamics.CRM.account'.", Microsoft's "Troubleshoot Dataverse Web API client errors"),
    // other malformed query options with 0x80060888.
    private static DataverseDoubleException UriRefused(ODataException ex) =>
        new(400, ex.Message.StartsWith("Could not find a property named", StringComparison.Ordinal) ? "0x0" : "0x80060888", ex.Message);

    // "Resource not found for the segment 'Account'." is 404 with code 0x8006088a (same source).
    private static DataverseDoubleException NotFound(string segment) => new(404, "0x8006088a", $"Resource not found for the segment '{segment}'.");

    private static string? QueryValue(string rawQuery, string name) =>
        rawQuery.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name && p.Length == 2).Select(p => p[1]).FirstOrDefault();

    /// <summary>Follows a single-valued navigation property of a record of <paramref name="fromEntity"/>.</summary>
    private JsonObject? Navigate(string fromEntity, string navigationName, JsonObject source)
    {
        lock (sync)
        {
            if (!entities.TryGetValue(fromEntity, out var entity) || entity.Navigation(navigationName) is not { } nav)
            {
                return null;
            }

            var property = nav.Attribute.PropertyName;
            if (!Guid.TryParse((string?)source[property], out var id)
                || ((string?)source[property + "@Microsoft.Dynamics.CRM.lookuplogicalname"] is { } logical && logical != nav.Target))
            {
                return null;
            }

            return entities.TryGetValue(nav.Target, out var target) ? target.Find(id) : null;
        }
    }

    /// <summary>Turns Web API input (columns, <c>_x_value</c>, <c>@odata.bind</c>) into a stored record.</summary>
    private JsonObject Build(DataverseDoubleEntity entity, JsonObject fields, bool requireKnownTargets)
    {
        var record = new JsonObject();
        foreach (var (key, value) in fields)
        {
            if (key.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var navigation = key[..^"@odata.bind".Length];
                if (entity.Navigation(navigation) is not { } nav)
                {
                    throw new DataverseDoubleException(400, "0x80060888",
                        $"An undeclared property '{navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.");
                }

                var reference = (string?)value ?? string.Empty;
                var open = reference.IndexOf('(', StringComparison.Ordinal);
                var set = open > 0 ? reference[..open].TrimStart('/') : string.Empty;
                var target = entities[nav.Target];
                if (set != target.EntitySetName || !Guid.TryParse(reference[(open + 1)..].TrimEnd(')'), out var id))
                {
                    throw new DataverseDoubleException(400, "0x80060891", $"A URL was found in the payload ('{reference}') that does not point to a {target.EntitySetName} record for '{navigation}'.");
                }

                if (requireKnownTargets && target.Find(id) is null)
                {
                    throw new DataverseDoubleException(404, "0x80040217", $"{target.LogicalName} With Id = {id} Does Not Exist");
                }

                record[nav.Attribute.PropertyName] = id.ToString("D");
                record[nav.Attribute.PropertyName + "@Microsoft.Dynamics.CRM.lookuplogicalname"] = target.LogicalName;
            }
            else if (key.StartsWith('_') && key.EndsWith("_value", StringComparison.Ordinal) && !key.Contains('@', StringComparison.Ordinal))
            {
                var attribute = entity.ByProperty(key) ?? throw new DataverseDoubleException(400, "0x80060888", $"The property '{key}' does not exist on type 'Microsoft.Dynamics.CRM.{entity.LogicalName}'.");
                var id = Guid.Parse(value is JsonValue v && v.TryGetValue<Guid>(out var g) ? g.ToString() : (string?)value ?? Guid.Empty.ToString());
                var owner = attribute.LookupTargets.Where(entities.ContainsKey).FirstOrDefault(t => entities[t].Find(id) is not null) ?? attribute.LookupTargets.FirstOrDefault();
                record[key] = id.ToString("D");
                if (owner is not null)
                {
                    record[key + "@Microsoft.Dynamics.CRM.lookuplogicalname"] = owner;
                }
            }
            else if (key.StartsWith('@') || key.Contains("@odata.", StringComparison.Ordinal))
            {
                // Instance annotations (@odata.type, …) are not stored.
            }
            else
            {
                var attribute = entity.ByProperty(key);
                if (attribute is null || attribute.IsLookup)
                {
                    throw new DataverseDoubleException(400, "0x80060888",
                        $"The property '{key}' does not exist on type 'Microsoft.Dynamics.CRM.{entity.LogicalName}'. Make sure to only use property names that are defined by the type or mark the type as open type.");
                }

                record[key] = value?.DeepClone();
            }
        }

        return record;
    }

    private void DefineStandardEntities()
    {
        DefineEntity("account", "accounts", "name", "Account", isCustom: false);
        foreach (var (name, type, label) in new[]
        {
            ("name", "String", "Account Name"), ("accountnumber", "String", "Account Number"), ("telephone1", "String", "Main Phone"),
            ("telephone2", "String", "Other Phone"), ("telephone3", "String", "Telephone 3"), ("emailaddress1", "String", "Email"),
        })
        {
            DefineAttribute("account", name, type, label);
        }

        DefineEntity("contact", "contacts", "fullname", "Contact", isCustom: false);
        foreach (var (name, type, label) in new[]
        {
            ("fullname", "String", "Full Name"), ("firstname", "String", "First Name"), ("lastname", "String", "Last Name"),
            ("telephone1", "String", "Business Phone"), ("telephone2", "String", "Home Phone"), ("telephone3", "String", "Telephone 3"),
            ("mobilephone", "String", "Mobile Phone"), ("emailaddress1", "String", "Email"), ("emailaddress2", "String", "Email Address 2"),
            ("emailaddress3", "String", "Email Address 3"), ("jobtitle", "String", "Job Title"),
        })
        {
            DefineAttribute("contact", name, type, label);
        }

        DefineAttribute("contact", "parentcustomerid", "Customer", "Company Name", ["account", "contact"]);

        DefineEntity("incident", "incidents", "title", "Case", isCustom: false);
        DefineAttribute("incident", "title", "String", "Case Title");
        DefineAttribute("incident", "ticketnumber", "String", "Case Number");
        DefineAttribute("incident", "statuscode", "Status", "Status Reason");
        DefineAttribute("incident", "customerid", "Customer", "Customer", ["account", "contact"]);

        DefineEntity("annotation", "annotations", "subject", "Note", isCustom: false);
        DefineAttribute("annotation", "subject", "String", "Title");
        DefineAttribute("annotation", "notetext", "Memo", "Description");
        DefineAttribute("annotation", "filename", "String", "File Name");
        DefineAttribute("annotation", "mimetype", "String", "Mime Type");
        DefineAttribute("annotation", "documentbody", "String", "Document");
        DefineAttribute("annotation", "filesize", "Integer", "File Size (Bytes)");
        DefineAttribute("annotation", "isdocument", "Boolean", "Is Document");
        DefineAttribute("annotation", "objectid", "Lookup", "Regarding", ["account", "contact", "incident"]);
    }
}
