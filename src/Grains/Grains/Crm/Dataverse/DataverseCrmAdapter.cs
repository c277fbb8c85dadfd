using System.Globalization;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Dataverse;

namespace ClarityConnect.Grains.Crm.Dataverse;

/// <summary>Microsoft Dynamics 365 (Dataverse Web API) behind the shared pipeline: OData queries, EntityDefinitions metadata, annotations for exports.</summary>
public sealed class DataverseCrmAdapter(
    DataverseClient client,
    DataverseOAuthClient oauth,
    DataverseCredentialsSource credentials) : ICrmAdapter, ICrmAuthorizer
{
    private const int PageSize = 5_000;
    private const string ContactSelect = "contactid,fullname,telephone1,mobilephone,emailaddress1,modifiedon,_parentcustomerid_value";
    private const string ContactExpand = "parentcustomerid_account($select=name)";
    private const string AccountSelect = "accountid,name,telephone1,emailaddress1,modifiedon";
    private static readonly string[] ContactPhones = ["telephone1", "telephone2", "telephone3", "mobilephone"];
    private static readonly string[] AccountPhones = ["telephone1", "telephone2", "telephone3"];

    /// <inheritdoc cref="ICrmAdapter.Integration" />
    public string Integration => IntegrationNames.Dynamics;

    /// <inheritdoc />
    public string ExtraItemPrefix => "Dynamics";

    /// <inheritdoc />
    public IQueryLanguage Language => ODataLanguage.Instance;

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmRecord>> FindCustomersAsync(CustomerCriterion criterion, CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
    {
        if (criterion.Kind == CustomerCriterionKind.Phone)
        {
            return await FindByPhoneAsync(criterion.Phone, criterion.Value, cancellationToken);
        }

        var (contactFilter, accountFilter) = criterion.Kind switch
        {
            CustomerCriterionKind.Email => (AnyEquals(["emailaddress1", "emailaddress2", "emailaddress3"], [criterion.Value]), AnyEquals(["emailaddress1"], [criterion.Value])),
            CustomerCriterionKind.Name => ($"fullname eq {OData.Literal(criterion.Value)}", $"name eq {OData.Literal(criterion.Value)}"),
            _ => await FieldFiltersAsync(criterion.Field!, criterion.Value, cancellationToken),
        };
        return await FindAsync(contactFilter, accountFilter, cancellationToken);
    });

    private async Task<IReadOnlyList<CrmRecord>> FindAsync(string? contactFilter, string? accountFilter, CancellationToken cancellationToken)
    {
        var records = new List<CrmRecord>();
        if (contactFilter is not null)
        {
            var contacts = await client.QueryAsync("contacts", ContactSelect, contactFilter, ContactExpand, 50, PageSize, false, cancellationToken);
            records.AddRange(contacts.Records.Select(r => ToRecord("contact", "contactid", "fullname", r)));
        }

        if (accountFilter is not null)
        {
            var accounts = await client.QueryAsync("accounts", AccountSelect, accountFilter, null, 50, PageSize, false, cancellationToken);
            records.AddRange(accounts.Records.Select(r => ToRecord("account", "accountid", "name", r)));
        }

        return records;
    }

    // Dataverse compares phone columns as text, exactly as stored (case aside): the filter lists every spelling the
    // number may be stored in. Only when none matches are the local forms (the subscriber number without its area
    // code, 555-0177) tried, so a record holding the full number always wins over one that may be in another area.
    // A North American number's 12 spellings over 4 columns are about 2.3 KB of URL-encoded filter; Dataverse takes 32 KB.
    private async Task<IReadOnlyList<CrmRecord>> FindByPhoneAsync(PhoneNumber? phone, string digits, CancellationToken cancellationToken)
    {
        var forms = phone?.StoredForms ?? [digits];
        var found = await FindAsync(AnyEquals(ContactPhones, forms), AnyEquals(AccountPhones, forms), cancellationToken);
        return found.Count > 0 || phone is not { LocalForms.Count: > 0 } local
            ? found
            : await FindAsync(AnyEquals(ContactPhones, local.LocalForms), AnyEquals(AccountPhones, local.LocalForms), cancellationToken);
    }

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
        var entity = await EntityAsync(objectName, cancellationToken);
        var attributes = await client.GetAttributesAsync(entity.LogicalName, cancellationToken);
        var relationships = await client.GetManyToOneRelationshipsAsync(entity.LogicalName, cancellationToken);
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
        var entity = await EntityAsync(objectName, cancellationToken);
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
        var records = first.Records.Select(r => ToRecord(entity.LogicalName, entity.PrimaryIdAttribute, entity.PrimaryNameAttribute, r)).ToList();
        var next = first.NextLink;
        while (next is not null && records.Count < maxRecords)
        {
            var page = await client.NextPageAsync(next, PageSize, cancellationToken);
            records.AddRange(page.Records.Select(r => ToRecord(entity.LogicalName, entity.PrimaryIdAttribute, entity.PrimaryNameAttribute, r)));
            next = page.NextLink;
        }

        return new CrmQueryResult($"{entity.EntitySetName}?$filter={where}", first.Count ?? records.Count, records.Take(maxRecords).ToList());
    });

    /// <inheritdoc />
    public Task<string> AttachFileAsync(CrmRecordLink record, CrmFile file, CancellationToken cancellationToken) => CrmCalls.RunAsync("Microsoft Dynamics", async () =>
    {
        if (await ExistingAnnotationAsync(record, file.Title, cancellationToken) is { } existing)
        {
            return existing;
        }

        var entity = await EntityAsync(record.ObjectType, cancellationToken);
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

        var entity = await EntityAsync(record.ObjectType, cancellationToken);
        var id = await client.CreateAnnotationAsync(entity.LogicalName, entity.EntitySetName!, Guid.Parse(record.RecordId), title, text, null, null, null, 0, cancellationToken);
        return id.ToString();
    });

    /// <inheritdoc />
    public async Task<Uri> AuthorizationUrlAsync(Uri redirectUri, string state, string codeChallenge) =>
        oauth.BuildAuthorizationUrl(await AppCredentialsAsync(), redirectUri, state, codeChallenge);

    /// <inheritdoc />
    public async Task<(string RefreshToken, string? AuthorizedAs)> ExchangeCodeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var app = await AppCredentialsAsync();
        var token = await oauth.ExchangeCodeAsync(app, code, redirectUri, codeVerifier, cancellationToken);
        return (token.RefreshToken ?? throw new CrmUnavailableException("Microsoft Entra ID returned no refresh token; the offline_access scope is missing."),
            $"{app.ClientId} at {app.InstanceUrl.Host}");
    }

    private async Task<DataverseCredentials> AppCredentialsAsync()
    {
        try
        {
            return await credentials.GetAppCredentialsAsync(CancellationToken.None);
        }
        catch (DataverseNotConfiguredException notConfigured)
        {
            throw new InvalidRequestException(Integration, notConfigured.Message);
        }
    }

    private async Task<string?> ExistingAnnotationAsync(CrmRecordLink record, string subject, CancellationToken cancellationToken)
    {
        var found = await client.QueryAsync("annotations", "annotationid",
            $"subject eq {OData.Literal(subject)} and _objectid_value eq {Guid.Parse(record.RecordId)}", null, 1, PageSize, false, cancellationToken);
        return found.Records.Count > 0 ? CrmCalls.Text(found.Records[0]["annotationid"]) : null;
    }

    private async Task<(string? Contacts, string? Accounts)> FieldFiltersAsync(string searchParameter, string value, CancellationToken cancellationToken)
    {
        var parts = searchParameter.Split('.', 2);
        var column = parts.Length == 2 ? parts[1] : parts[0];
        var candidates = parts.Length == 2 ? [parts[0]] : new[] { "contact", "account" };
        string? contacts = null, accounts = null;
        foreach (var entity in candidates)
        {
            var attributes = await client.GetAttributesAsync(entity.ToLowerInvariant(), cancellationToken);
            var attribute = attributes.FirstOrDefault(a => a.LogicalName.Equals(column, StringComparison.OrdinalIgnoreCase));
            if (attribute is null)
            {
                continue;
            }

            var filter = $"{attribute.LogicalName} eq {OData.Literal(value)}";
            if (entity.Equals("contact", StringComparison.OrdinalIgnoreCase))
            {
                contacts = filter;
            }
            else if (entity.Equals("account", StringComparison.OrdinalIgnoreCase))
            {
                accounts = filter;
            }
            else
            {
                throw new InvalidRequestException("SearchParameter", $"'{searchParameter}': Customer Lookup searches contacts and accounts");
            }
        }

        return (contacts, accounts);
    }

    private async Task<DataverseEntityDefinition> EntityAsync(string logicalName, CancellationToken cancellationToken)
    {
        var entities = await client.ListEntitiesAsync(cancellationToken);
        return entities.FirstOrDefault(e => e.LogicalName.Equals(logicalName, StringComparison.OrdinalIgnoreCase) && e.EntitySetName is not null)
            ?? throw new InvalidRequestException("PrimaryObject", $"'{logicalName}' is not a Dataverse table of this environment");
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
        return new CrmRecord
        {
            ObjectType = logicalName,
            Id = id,
            Name = primaryName is null ? null : fields.GetValueOrDefault(primaryName),
            AccountName = fields.GetValueOrDefault("parentcustomerid_account.name"),
            Phone = fields.GetValueOrDefault("telephone1") ?? fields.GetValueOrDefault("mobilephone"),
            Email = fields.GetValueOrDefault("emailaddress1"),
            ModifiedAt = DateTimeOffset.TryParse(fields.GetValueOrDefault("modifiedon"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null,
            Url = Guid.TryParse(id, out var guid) ? client.RecordUrl(logicalName, guid) : new Uri("about:blank"),
            Fields = fields,
        };
    }

    private static string AnyEquals(IEnumerable<string> columns, IReadOnlyList<string> values) =>
        string.Join(" or ", columns.SelectMany(column => values.Select(value => $"{column} eq {OData.Literal(value)}")));
}
