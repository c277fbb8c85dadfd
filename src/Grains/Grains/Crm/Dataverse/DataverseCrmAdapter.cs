using System.Globalization;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Dataverse;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Crm.Dataverse;

/// <summary>Microsoft Dynamics 365 (Dataverse Web API) behind the shared pipeline: OData queries, EntityDefinitions metadata
/// (also for the columns a lookup selects and searches), annotations for exports. It serves the lane of its <see cref="DataverseClient"/>.</summary>
public sealed class DataverseCrmAdapter(
    DataverseClient client,
    IOptions<DataverseConnectorOptions> options) : ICrmAdapter
{
    private const int PageSize = 5_000;
    private const string CustomerLookup = "parentcustomerid";
    private static readonly string[] CustomerTables = ["contact", "account"];
    private static readonly string[] ContactPhones = ["telephone1", "telephone2", "telephone3", "mobilephone"];
    private static readonly string[] AccountPhones = ["telephone1", "telephone2", "telephone3"];
    private static readonly string[] EmailColumns = ["emailaddress1", "emailaddress2", "emailaddress3"];
    private static readonly string[] RecordColumns = ["telephone1", "mobilephone", "emailaddress1", "modifiedon"];
    private static readonly string[] NumberTypes = ["Integer", "BigInt", "Decimal", "Double", "Money", "Picklist", "State", "Status"];
    private static readonly string[] IdTypes = ["Uniqueidentifier", "Lookup", "Customer", "Owner"];
    private static readonly CrmRecordColumns Columns = new("parentcustomerid_account.name", "telephone1", "mobilephone", "emailaddress1", "modifiedon");

    /// <inheritdoc cref="ICrmAdapter.Integration" />
    public string Integration => IntegrationNames.Dynamics;

    /// <inheritdoc />
    public string ExtraItemPrefix => "Dynamics";

    /// <inheritdoc />
    public IQueryLanguage Language => ODataLanguage.Instance;

    /// <inheritdoc />
    public TimeSpan LookupTimeout => options.Value.LookupTimeout;

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmRecord>> FindCustomersAsync(CustomerCriterion criterion, CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
    {
        if (criterion.Kind == CustomerCriterionKind.Field)
        {
            return await FindByFieldAsync(criterion.Field!, criterion.Value, cancellationToken);
        }

        if (criterion.Kind == CustomerCriterionKind.Phone)
        {
            return await FindByPhoneAsync(criterion.Phone, criterion.Value, cancellationToken);
        }

        var (contactFilter, accountFilter) = criterion.Kind switch
        {
            CustomerCriterionKind.Email => (await AnyColumnEqualsAsync("contact", EmailColumns, [criterion.Value], cancellationToken),
                await AnyColumnEqualsAsync("account", EmailColumns, [criterion.Value], cancellationToken)),
            _ => ($"fullname eq {OData.Literal(criterion.Value)}", $"name eq {OData.Literal(criterion.Value)}"),
        };
        return await FindAsync(contactFilter, accountFilter, cancellationToken);
    });

    private async Task<IReadOnlyList<CrmRecord>> FindAsync(string? contactFilter, string? accountFilter, CancellationToken cancellationToken)
    {
        var records = new List<CrmRecord>();
        records.AddRange(await SearchAsync("contact", contactFilter, cancellationToken));
        records.AddRange(await SearchAsync("account", accountFilter, cancellationToken));
        return records;
    }

    // Dataverse compares phone columns as text, exactly as stored (case aside): the filter lists every spelling the
    // number may be stored in. Only when none matches are the local forms (the subscriber number without its area
    // code, 555-0177) tried, so a record holding the full number always wins over one that may be in another area.
    // A North American number's 12 spellings over 4 columns are about 2.3 KB of URL-encoded filter; Dataverse takes 32 KB.
    private async Task<IReadOnlyList<CrmRecord>> FindByPhoneAsync(PhoneNumber? phone, string digits, CancellationToken cancellationToken)
    {
        var found = await FindByPhoneFormsAsync(phone?.StoredForms ?? [digits], cancellationToken);
        return found.Count > 0 || phone is not { LocalForms.Count: > 0 } local
            ? found
            : await FindByPhoneFormsAsync(local.LocalForms, cancellationToken);
    }

    // A phone column the table lacks is skipped, as any optional column is.
    private async Task<IReadOnlyList<CrmRecord>> FindByPhoneFormsAsync(IReadOnlyList<string> forms, CancellationToken cancellationToken) =>
        await FindAsync(
            await AnyColumnEqualsAsync("contact", ContactPhones, forms, cancellationToken),
            await AnyColumnEqualsAsync("account", AccountPhones, forms, cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> CheckSearchParameterAsync(string searchParameter, CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
        (IReadOnlyList<string>)(await SearchTargetsAsync(searchParameter, cancellationToken)).Select(t => t.Table.LogicalName).ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmObjectInfo>> ListObjectsAsync(CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
        (IReadOnlyList<CrmObjectInfo>)(await client.ListEntitiesAsync(cancellationToken))
            .Where(e => e.EntitySetName is not null)
            .Select(e => new CrmObjectInfo { Name = e.LogicalName, Label = e.DisplayName, Custom = e.IsCustomEntity })
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmFieldInfo>> ListFieldsAsync(string objectName, bool extended, CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
    {
        var entity = await EntityAsync(objectName, "PrimaryObject", cancellationToken);
        var attributes = await client.GetAttributesAsync(entity.LogicalName, cancellationToken);
        // Navigation names come only from the relationships: read them only for the related columns "Get Extended Properties" asks for.
        IReadOnlyList<DataverseRelationship> relationships = extended ? await client.GetManyToOneRelationshipsAsync(entity.LogicalName, cancellationToken) : [];
        var fields = attributes.Where(a => a.IsValidForRead).Select(a => new CrmFieldInfo
        {
            Name = a.LogicalName,
            Label = a.DisplayName,
            Type = a.AttributeType,
            ReferenceTo = a.Targets.FirstOrDefault(),
            RelationshipName = relationships.FirstOrDefault(r => r.ReferencingAttribute == a.LogicalName)?.ReferencingEntityNavigationPropertyName,
        }).ToList();
        if (extended)
        {
            foreach (var relationship in relationships)
            {
                var related = await client.GetAttributesAsync(relationship.ReferencedEntity, cancellationToken);
                fields.AddRange(related.Where(a => a.IsValidForRead && !a.LogicalName.StartsWith('_')).Select(a => new CrmFieldInfo
                {
                    Name = $"{relationship.ReferencingEntityNavigationPropertyName}.{a.LogicalName}",
                    Label = $"{relationship.ReferencingEntityNavigationPropertyName} › {a.DisplayName}",
                    Type = a.AttributeType,
                }));
            }
        }

        return (IReadOnlyList<CrmFieldInfo>)fields;
    });

    /// <inheritdoc />
    public Task<CrmQueryResult> QueryAsync(string objectName, IReadOnlyList<string> fields, string where, int maxRecords, CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
    {
        var entity = await EntityAsync(objectName, "PrimaryObject", cancellationToken);
        if (fields.FirstOrDefault(f => !OData.IsValidIdentifier(f.Replace('.', '/'))) is { } bad)
        {
            throw new InvalidRequestException("Fields", $"'{bad}' is not a valid column name");
        }

        var plain = fields.Where(f => !f.Contains('.')).Prepend(entity.PrimaryIdAttribute).Append(entity.PrimaryNameAttribute)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        var expand = fields.Where(f => f.Contains('.')).GroupBy(f => f.Split('.')[0], StringComparer.OrdinalIgnoreCase)
            .Select(g => $"{g.Key}($select={string.Join(",", g.Select(f => f.Split('.', 2)[1]))})").ToList();
        var first = await client.QueryAsync(entity.EntitySetName!, string.Join(",", plain), where, expand.Count == 0 ? null : string.Join(",", expand),
            maxRecords == 1 ? 1 : null, PageSize, maxRecords > 1, cancellationToken);
        var records = await CrmPages.ReadAsync(first, maxRecords,
            page => page.Records.Select(r => ToRecord(entity.LogicalName, entity.PrimaryIdAttribute, entity.PrimaryNameAttribute, r)),
            page => page.NextLink, link => client.NextPageAsync(link, PageSize, cancellationToken));

        return new CrmQueryResult($"{entity.EntitySetName}?$filter={where}", first.Count ?? records.Count, records.Take(maxRecords).ToList());
    });

    /// <inheritdoc />
    public Task<string> AttachFileAsync(CrmRecordLink record, CrmFile file, CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
    {
        if (await ExistingAnnotationAsync(record, file.Title, cancellationToken) is { } existing)
        {
            return existing;
        }

        var entity = await EntityAsync(record.ObjectType, "record", cancellationToken);
        await using var content = await file.Open(cancellationToken);
        var data = await CrmCalls.SeekableAsync(content, cancellationToken);
        var id = await client.CreateAnnotationAsync(entity.LogicalName, entity.EntitySetName!, Guid.Parse(record.RecordId), file.Title, null,
            file.FileName, file.ContentType, data, data.Length - data.Position, cancellationToken);
        return id.ToString();
    });

    /// <inheritdoc />
    public Task<string> AddNoteAsync(CrmRecordLink record, string title, string text, CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
    {
        if (await ExistingAnnotationAsync(record, title, cancellationToken) is { } existing)
        {
            return existing;
        }

        var entity = await EntityAsync(record.ObjectType, "record", cancellationToken);
        var id = await client.CreateAnnotationAsync(entity.LogicalName, entity.EntitySetName!, Guid.Parse(record.RecordId), title, text, null, null, null, 0, cancellationToken);
        return id.ToString();
    });

    private async Task<string?> ExistingAnnotationAsync(CrmRecordLink record, string subject, CancellationToken cancellationToken)
    {
        var found = await client.QueryAsync("annotations", "annotationid",
            $"subject eq {OData.Literal(subject)} and _objectid_value eq {Guid.Parse(record.RecordId)}", null, 1, PageSize, false, cancellationToken);
        return found.Records.Count > 0 ? CrmCalls.Text(found.Records[0]["annotationid"]) : null;
    }

    // An Extra Item Key searches any table: what is selected comes from that table's columns.
    private async Task<IReadOnlyList<CrmRecord>> FindByFieldAsync(string searchParameter, string value, CancellationToken cancellationToken)
    {
        var records = new List<CrmRecord>();
        foreach (var target in await SearchTargetsAsync(searchParameter, cancellationToken))
        {
            records.AddRange(await SearchAsync(target.Table.LogicalName, $"{target.Column.PropertyName} eq {Literal(target, value)}", cancellationToken));
        }

        return records;
    }

    /// <summary>The tables a Search Parameter searches with the column on each; refused, naming the column and the tables,
    /// when none has it readable.</summary>
    private Task<List<SearchTarget>> SearchTargetsAsync(string searchParameter, CancellationToken cancellationToken)
    {
        var parameter = SearchParameter.Parse(searchParameter, CustomerTables, OData.IsValidName);
        return parameter.TargetsAsync<SearchTarget>(async name =>
        {
            var table = await EntityAsync(name, "SearchParameter", cancellationToken);
            var column = (await client.GetAttributesAsync(table.LogicalName, cancellationToken))
                .FirstOrDefault(a => a.IsValidForRead && a.LogicalName.Equals(parameter.Field, StringComparison.OrdinalIgnoreCase));
            return column is null ? (null, parameter.Missing(table.LogicalName, "column")) : (new SearchTarget(table, column), null);
        });
    }

    // OData writes numbers, booleans and GUIDs unquoted; a value that cannot be one cannot match.
    private static string Literal(SearchTarget target, string value) => target.Column.AttributeType switch
    {
        var type when NumberTypes.Contains(type) => SearchParameter.Number(value, target.Name),
        var type when IdTypes.Contains(type) => Guid.TryParse(value, out var id)
            ? id.ToString("D", CultureInfo.InvariantCulture)
            : throw new InvalidRequestException("SearchParameter", $"{target.Name} holds record ids and the extra item's value is not one"),
        "Boolean" => SearchParameter.Boolean(value, target.Name),
        _ => OData.Literal(value),
    };

    /// <summary>The filter "any of <paramref name="candidates"/> equals any of <paramref name="values"/>" over the candidates the
    /// table has; null (nothing to search) when it has none. A column the environment lacks is skipped, not sent.</summary>
    private async Task<string?> AnyColumnEqualsAsync(string logicalName, IEnumerable<string> candidates, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var readable = await ReadableColumnsAsync(logicalName, cancellationToken);
        var present = candidates.Where(readable.ContainsKey).ToList();
        return present.Count == 0 ? null : AnyEquals(present, values);
    }

    /// <summary>Up to 50 records of <paramref name="logicalName"/> matching <paramref name="filter"/> (none when it is null), with
    /// the primary id and name and the phone, e-mail, modification time and parent account the table has.</summary>
    private async Task<IEnumerable<CrmRecord>> SearchAsync(string logicalName, string? filter, CancellationToken cancellationToken)
    {
        if (filter is null)
        {
            return [];
        }

        var table = await EntityAsync(logicalName, "SearchParameter", cancellationToken);
        var readable = await ReadableColumnsAsync(table.LogicalName, cancellationToken);
        var select = new[] { table.PrimaryIdAttribute, table.PrimaryNameAttribute }.Concat(RecordColumns)
            .OfType<string>().Where(readable.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        string? expand = null;
        // A customer lookup has a navigation property per target (crm-wire-facts B2): parentcustomerid_account names the account.
        if (readable.TryGetValue(CustomerLookup, out var parent) && parent.Targets.Contains("account"))
        {
            select.Add(parent.PropertyName);
            expand = $"{CustomerLookup}_account($select=name)";
        }

        var page = await client.QueryAsync(table.EntitySetName, string.Join(",", select), filter, expand, 50, PageSize, false, cancellationToken);
        return page.Records.Select(r => ToRecord(table.LogicalName, table.PrimaryIdAttribute, table.PrimaryNameAttribute, r));
    }

    private async Task<Dictionary<string, DataverseAttribute>> ReadableColumnsAsync(string logicalName, CancellationToken cancellationToken) =>
        (await client.GetAttributesAsync(logicalName, cancellationToken)).Where(a => a.IsValidForRead).ToDictionary(a => a.LogicalName, StringComparer.Ordinal);

    /// <summary>The definition of a table of the environment; an unknown table is refused naming <paramref name="setting"/>.</summary>
    private async Task<DataverseEntityDefinition> EntityAsync(string logicalName, string setting, CancellationToken cancellationToken)
    {
        var entities = await client.ListEntitiesAsync(cancellationToken);
        return entities.FirstOrDefault(e => e.LogicalName.Equals(logicalName, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(e.EntitySetName))
            ?? throw new InvalidRequestException(setting, $"'{logicalName}' is not a Dataverse table of this environment");
    }

    private CrmRecord ToRecord(string logicalName, string primaryId, string? primaryName, JsonObject json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in json)
        {
            if (name.Contains('@'))
            {
                continue;
            }

            if (value is JsonObject related)
            {
                foreach (var (column, relatedValue) in related.Where(p => !p.Key.Contains('@')))
                {
                    fields[$"{name}.{column}"] = CrmCalls.Text(relatedValue);
                }
            }
            else
            {
                fields[name] = CrmCalls.Text(value);
            }
        }

        var id = fields.GetValueOrDefault(primaryId) ?? "";
        return Columns.ToRecord(logicalName, id, primaryName, Guid.TryParse(id, out var guid) ? client.RecordUrl(logicalName, guid) : new Uri("about:blank"), fields);
    }

    private static string AnyEquals(IEnumerable<string> columns, IReadOnlyList<string> values) =>
        string.Join(" or ", columns.SelectMany(column => values.Select(value => $"{column} eq {OData.Literal(value)}")));

    /// <summary>A table an Extra Item Key searches and the column searched on it.</summary>
    private sealed record SearchTarget(DataverseEntityDefinition Table, DataverseAttribute Column)
    {
        public string Name => $"{Table.LogicalName}.{Column.LogicalName}";
    }
}
