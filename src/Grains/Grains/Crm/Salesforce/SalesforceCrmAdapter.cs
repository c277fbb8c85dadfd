using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Salesforce;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Crm.Salesforce;

/// <summary>Salesforce behind the shared pipeline: SOSL for customer searches, SOQL for queries, describe for names and for
/// the fields a lookup selects, ContentVersion and Note for exports. It serves the lane of its <see cref="SalesforceClient"/>.</summary>
public sealed class SalesforceCrmAdapter(
    SalesforceClient client,
    IOptions<SalesforceConnectorOptions> options) : ICrmAdapter
{
    private const int NoteTitleLength = 80;
    private static readonly string[] CustomerObjects = ["Contact", "Account"];
    private static readonly string[] NumberTypes = ["int", "double", "currency", "percent", "long"];
    private static readonly CrmRecordColumns Columns = new("Account.Name", "Phone", "MobilePhone", "Email", "LastModifiedDate");

    /// <inheritdoc cref="ICrmAdapter.Integration" />
    public string Integration => IntegrationNames.Salesforce;

    /// <inheritdoc />
    public string ExtraItemPrefix => "Salesforce";

    /// <inheritdoc />
    public IQueryLanguage Language => SoqlLanguage.Instance;

    /// <inheritdoc />
    public TimeSpan LookupTimeout => options.Value.LookupTimeout;

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmRecord>> FindCustomersAsync(CustomerCriterion criterion, CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
    {
        if (criterion.Kind == CustomerCriterionKind.Field)
        {
            return await FindByFieldAsync(criterion.Field!, criterion.Value, cancellationToken);
        }

        // Caller text is searched as quoted phrases only, so no word in it (AND, OR, NOT) becomes an operator. A phone
        // number is searched by its national and its country-code digits, bare digits as Salesforce's own phone search
        // sample sends them (crm-wire-facts A5; a + would need escaping), since a record holds one spelling or the other.
        var (group, term) = criterion.Kind switch
        {
            CustomerCriterionKind.Phone => ("PHONE", Sosl.AnyPhrase(criterion.Phone?.SearchDigits ?? [criterion.Value])),
            CustomerCriterionKind.Email => ("EMAIL", Sosl.Term(criterion.Value)),
            _ => ("NAME", Sosl.Phrase(criterion.Value)),
        };
        var returning = await ReturningAsync(criterion.Kind == CustomerCriterionKind.Email ? ["Contact"] : CustomerObjects, cancellationToken);
        var found = await client.SearchAsync($"FIND {{{term}}} IN {group} FIELDS RETURNING {returning}", cancellationToken);
        return (IReadOnlyList<CrmRecord>)found.Select(r => ToRecord(r)).ToList();
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> CheckSearchParameterAsync(string searchParameter, CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
        (IReadOnlyList<string>)(await SearchTargetsAsync(searchParameter, cancellationToken)).Select(t => t.Object.Name).ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmObjectInfo>> ListObjectsAsync(CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
        (IReadOnlyList<CrmObjectInfo>)(await client.DescribeGlobalAsync(cancellationToken))
            .Where(o => o.Queryable)
            .Select(o => new CrmObjectInfo { Name = o.Name, Label = o.Label, Custom = o.Custom })
            .ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmFieldInfo>> ListFieldsAsync(string objectName, bool extended, CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
    {
        var describe = await DescribeKnownAsync(objectName, "PrimaryObject", cancellationToken);
        var fields = describe.Fields.Select(f => new CrmFieldInfo
        {
            Name = f.Name, Label = f.Label, Type = f.Type, RelationshipName = f.RelationshipName, ReferenceTo = f.ReferenceTo.FirstOrDefault(),
        }).ToList();
        if (extended)
        {
            foreach (var reference in describe.Fields.Where(f => f.RelationshipName is not null && f.ReferenceTo.Count > 0).ToList())
            {
                var related = await client.DescribeAsync(reference.ReferenceTo[0], cancellationToken);
                fields.AddRange(related.Fields.Select(f => new CrmFieldInfo
                {
                    Name = $"{reference.RelationshipName}.{f.Name}", Label = $"{reference.RelationshipName} › {f.Label}", Type = f.Type,
                }));
            }
        }

        return (IReadOnlyList<CrmFieldInfo>)fields;
    });

    /// <inheritdoc />
    public Task<CrmQueryResult> QueryAsync(string objectName, IReadOnlyList<string> fields, string where, int maxRecords, CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
    {
        await DescribeKnownAsync(objectName, "PrimaryObject", cancellationToken);
        var select = fields.Any(f => f.Equals("Id", StringComparison.OrdinalIgnoreCase)) ? fields : fields.Prepend("Id").ToList();
        if (select.FirstOrDefault(f => !Soql.IsValidIdentifier(f)) is { } bad)
        {
            throw new InvalidRequestException("Fields", $"'{bad}' is not a valid field name");
        }

        var soql = $"SELECT {string.Join(", ", select)} FROM {objectName} WHERE {where}{(maxRecords == 1 ? " LIMIT 1" : "")}";
        var first = await client.QueryAsync(soql, cancellationToken);
        var records = await CrmPages.ReadAsync(first, maxRecords,
            page => page.Records.Select(r => ToRecord(r)), page => page.NextRecordsUrl, link => client.QueryMoreAsync(link, cancellationToken));

        return new CrmQueryResult(soql, first.TotalSize, records.Take(maxRecords).ToList());
    });

    /// <inheritdoc />
    public Task<string> AttachFileAsync(CrmRecordLink record, CrmFile file, CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
    {
        var existing = await client.QueryAsync($"SELECT Id FROM ContentVersion WHERE Title = {Soql.Literal(file.Title)} LIMIT 1", cancellationToken);
        if (existing.Records.Count > 0)
        {
            return existing.Records[0]["Id"]!.GetValue<string>();
        }

        await using var content = await file.Open(cancellationToken);
        var data = await CrmCalls.SeekableAsync(content, cancellationToken);
        return await client.CreateContentVersionAsync(file.Title, file.FileName, record.RecordId, data, data.Length - data.Position, cancellationToken);
    });

    /// <inheritdoc />
    public Task<string> AddNoteAsync(CrmRecordLink record, string title, string text, CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
    {
        var shortTitle = title.Length <= NoteTitleLength ? title : title[..NoteTitleLength];
        var existing = await client.QueryAsync(
            $"SELECT Id FROM Note WHERE ParentId = {Soql.Literal(record.RecordId)} AND Title = {Soql.Literal(shortTitle)} LIMIT 1", cancellationToken);
        if (existing.Records.Count > 0)
        {
            return existing.Records[0]["Id"]!.GetValue<string>();
        }

        return await client.CreateAsync("Note", new JsonObject { ["ParentId"] = record.RecordId, ["Title"] = shortTitle, ["Body"] = text }, cancellationToken);
    });

    // An Extra Item Key searches any object: what is selected comes from that object's describe, so an object without
    // Phone (a custom Ticket__c) is queried without it instead of failing with INVALID_FIELD.
    private async Task<IReadOnlyList<CrmRecord>> FindByFieldAsync(string searchParameter, string value, CancellationToken cancellationToken)
    {
        var records = new List<CrmRecord>();
        foreach (var target in await SearchTargetsAsync(searchParameter, cancellationToken))
        {
            var page = await client.QueryAsync(
                $"SELECT {string.Join(", ", SelectFields(target.Object))} FROM {target.Object.Name} WHERE {target.Field.Name} = {Literal(target, value)} LIMIT 50", cancellationToken);
            records.AddRange(page.Records.Select(r => ToRecord(r, NameField(target.Object))));
        }

        return records;
    }

    /// <summary>The objects a Search Parameter searches with the field on each; refused, naming the field and the objects,
    /// when none has it or can filter on it.</summary>
    private Task<List<SearchTarget>> SearchTargetsAsync(string searchParameter, CancellationToken cancellationToken)
    {
        var parameter = SearchParameter.Parse(searchParameter, CustomerObjects, Soql.IsValidObjectName);
        return parameter.TargetsAsync<SearchTarget>(async objectName =>
        {
            var describe = await DescribeKnownAsync(objectName, "SearchParameter", cancellationToken);
            return !describe.TryGetField(parameter.Field, out var field) ? (null, parameter.Missing(describe.Name))
                : !field.Filterable ? (null, $"{describe.Name}.{field.Name} cannot be searched (it is not filterable)")
                : (new SearchTarget(describe, field), null);
        });
    }

    // Number and checkbox fields take unquoted literals; a value that cannot be one cannot match.
    private static string Literal(SearchTarget target, string value) => target.Field.Type switch
    {
        var type when NumberTypes.Contains(type) => SearchParameter.Number(value, target.Column),
        "boolean" => SearchParameter.Boolean(value, target.Column),
        _ => Soql.Literal(value),
    };

    /// <summary><c>Contact(Id, Name, …), Account(…)</c>: each object with the fields it has.</summary>
    private async Task<string> ReturningAsync(IEnumerable<string> objectNames, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var objectName in objectNames)
        {
            var describe = await DescribeKnownAsync(objectName, "objects", cancellationToken);
            parts.Add($"{describe.Name}({string.Join(", ", SelectFields(describe))})");
        }

        return string.Join(", ", parts);
    }

    /// <summary>What a lookup reads of a record: its id and name, and the phone, e-mail, account and modification time the
    /// extra items and the choice among candidates need, each only when the object has it.</summary>
    private static List<string> SelectFields(SalesforceObjectDescribe describe)
    {
        var fields = new List<string> { "Id" };
        if (NameField(describe) is { } name && name != "Id")
        {
            fields.Add(name);
        }

        fields.AddRange(new[] { "Phone", "MobilePhone", "Email" }.Where(f => describe.TryGetField(f, out _)));
        if (describe.TryGetRelationship("Account", out var account) && account.ReferenceTo.Contains("Account"))
        {
            fields.Add("Account.Name");
        }

        if (describe.TryGetField("LastModifiedDate", out _))
        {
            fields.Add("LastModifiedDate");
        }

        return fields;
    }

    // Describe marks the name field (Name; CaseNumber on Case, Subject on Task). Contact may mark its name parts too.
    private static string? NameField(SalesforceObjectDescribe describe) =>
        describe.Fields.Where(f => f.NameField).OrderBy(f => f.Name == "Name" ? 0 : 1).Select(f => f.Name).FirstOrDefault();

    /// <summary>The describe of an object of the org; an unknown object is refused naming <paramref name="setting"/>.</summary>
    private async Task<SalesforceObjectDescribe> DescribeKnownAsync(string objectName, string setting, CancellationToken cancellationToken)
    {
        var known = await client.DescribeGlobalAsync(cancellationToken);
        var match = known.FirstOrDefault(o => o.Name.Equals(objectName, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidRequestException(setting, $"'{objectName}' is not a Salesforce object of this org");
        return await client.DescribeAsync(match.Name, cancellationToken);
    }

    private CrmRecord ToRecord(JsonObject json, string? nameField = "Name")
    {
        var type = json["attributes"]?["type"]?.GetValue<string>() ?? "Unknown";
        var id = CrmCalls.Text(json["Id"]) ?? json["attributes"]?["url"]?.GetValue<string>()?.Split('/')[^1] ?? "";
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(json, "", fields);
        return Columns.ToRecord(type, id, nameField, client.RecordUrl(type, id), fields);
    }

    // Relationship fields come back nested ("Account": {"Name": …}); the pipeline asks for them as "Account.Name".
    private static void Flatten(JsonObject json, string prefix, Dictionary<string, string?> into)
    {
        foreach (var (name, value) in json)
        {
            if (name == "attributes")
            {
                continue;
            }

            if (value is JsonObject nested)
            {
                Flatten(nested, $"{prefix}{name}.", into);
            }
            else
            {
                into[prefix + name] = CrmCalls.Text(value);
            }
        }
    }

    /// <summary>An object an Extra Item Key searches and the field searched on it.</summary>
    private sealed record SearchTarget(SalesforceObjectDescribe Object, SalesforceFieldDescribe Field)
    {
        public string Column => $"{Object.Name}.{Field.Name}";
    }
}
