using System.Globalization;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Grains.Crm.Salesforce;

/// <summary>Salesforce behind the shared pipeline: SOSL for customer searches, SOQL for queries, describe for names, ContentVersion and Note for exports.</summary>
public sealed class SalesforceCrmAdapter(
    SalesforceClient client,
    SalesforceOAuthClient oauth,
    SalesforceCredentialsSource credentials) : ICrmAdapter, ICrmAuthorizer
{
    private const string ContactFields = "Id, Name, Phone, MobilePhone, Email, Account.Name, LastModifiedDate";
    private const string AccountFields = "Id, Name, Phone, LastModifiedDate";
    private const int NoteTitleLength = 80;

    /// <inheritdoc cref="ICrmAdapter.Integration" />
    public string Integration => IntegrationNames.Salesforce;

    /// <inheritdoc />
    public string ExtraItemPrefix => "Salesforce";

    /// <inheritdoc />
    public IQueryLanguage Language => SoqlLanguage.Instance;

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
        var returning = criterion.Kind == CustomerCriterionKind.Email
            ? $"Contact({ContactFields})"
            : $"Contact({ContactFields}), Account({AccountFields})";
        var found = await client.SearchAsync($"FIND {{{term}}} IN {group} FIELDS RETURNING {returning}", cancellationToken);
        return (IReadOnlyList<CrmRecord>)found.Select(ToRecord).ToList();
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmObjectInfo>> ListObjectsAsync(CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
        (IReadOnlyList<CrmObjectInfo>)(await client.DescribeGlobalAsync(cancellationToken))
            .Where(o => o.Queryable)
            .Select(o => new CrmObjectInfo { Name = o.Name, Label = o.Label, Custom = o.Custom })
            .ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmFieldInfo>> ListFieldsAsync(string objectName, bool extended, CancellationToken cancellationToken) => CrmCalls.RunAsync("Salesforce", async () =>
    {
        var describe = await DescribeKnownAsync(objectName, cancellationToken);
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
        await DescribeKnownAsync(objectName, cancellationToken);
        var select = fields.Any(f => f.Equals("Id", StringComparison.OrdinalIgnoreCase)) ? fields : fields.Prepend("Id").ToList();
        if (select.FirstOrDefault(f => !Soql.IsValidIdentifier(f)) is { } bad)
        {
            throw new InvalidRequestException("Fields", $"'{bad}' is not a valid field name");
        }

        var soql = $"SELECT {string.Join(", ", select)} FROM {objectName} WHERE {where}{(maxRecords == 1 ? " LIMIT 1" : "")}";
        var first = await client.QueryAsync(soql, cancellationToken);
        var records = first.Records.Select(ToRecord).ToList();
        var next = first.NextRecordsUrl;
        while (next is not null && records.Count < maxRecords)
        {
            var page = await client.QueryMoreAsync(next, cancellationToken);
            records.AddRange(page.Records.Select(ToRecord));
            next = page.NextRecordsUrl;
        }

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

    /// <inheritdoc />
    public async Task<Uri> AuthorizationUrlAsync(Uri redirectUri, string state, string codeChallenge) =>
        oauth.BuildAuthorizationUrl(await AppCredentialsAsync(), redirectUri, state, codeChallenge);

    /// <inheritdoc />
    public async Task<(string RefreshToken, string? AuthorizedAs)> ExchangeCodeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var token = await oauth.ExchangeCodeAsync(await AppCredentialsAsync(), code, redirectUri, codeVerifier, cancellationToken);
        return (token.RefreshToken ?? throw new CrmUnavailableException("Salesforce returned no refresh token; the connected app needs the refresh_token scope."),
            token.IdentityUrl?.ToString());
    }

    private async Task<SalesforceCredentials> AppCredentialsAsync()
    {
        try
        {
            return await credentials.GetAppCredentialsAsync(CancellationToken.None);
        }
        catch (SalesforceNotConfiguredException notConfigured)
        {
            throw new InvalidRequestException(Integration, notConfigured.Message);
        }
    }

    private async Task<IReadOnlyList<CrmRecord>> FindByFieldAsync(string searchParameter, string value, CancellationToken cancellationToken)
    {
        var parts = searchParameter.Split('.', 2);
        var objects = parts.Length == 2 ? [parts[0]] : new[] { "Contact", "Account" };
        var field = parts.Length == 2 ? parts[1] : parts[0];
        var records = new List<CrmRecord>();
        foreach (var objectName in objects)
        {
            var describe = await DescribeKnownAsync(objectName, cancellationToken);
            if (!describe.Fields.Any(f => f.Name.Equals(field, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = objectName.Equals("Contact", StringComparison.OrdinalIgnoreCase) ? ContactFields : AccountFields;
            var page = await client.QueryAsync($"SELECT {fields} FROM {objectName} WHERE {field} = {Soql.Literal(value)} LIMIT 50", cancellationToken);
            records.AddRange(page.Records.Select(ToRecord));
        }

        return records;
    }

    private async Task<SalesforceObjectDescribe> DescribeKnownAsync(string objectName, CancellationToken cancellationToken)
    {
        var known = await client.DescribeGlobalAsync(cancellationToken);
        var match = known.FirstOrDefault(o => o.Name.Equals(objectName, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidRequestException("PrimaryObject", $"'{objectName}' is not a Salesforce object of this org");
        return await client.DescribeAsync(match.Name, cancellationToken);
    }

    private CrmRecord ToRecord(JsonObject json)
    {
        var type = json["attributes"]?["type"]?.GetValue<string>() ?? "Unknown";
        var id = CrmCalls.Text(json["Id"]) ?? json["attributes"]?["url"]?.GetValue<string>()?.Split('/')[^1] ?? "";
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(json, "", fields);
        return new CrmRecord
        {
            ObjectType = type,
            Id = id,
            Name = fields.GetValueOrDefault("Name"),
            AccountName = fields.GetValueOrDefault("Account.Name"),
            Phone = fields.GetValueOrDefault("Phone") ?? fields.GetValueOrDefault("MobilePhone"),
            Email = fields.GetValueOrDefault("Email"),
            ModifiedAt = DateTimeOffset.TryParse(fields.GetValueOrDefault("LastModifiedDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null,
            Url = client.RecordUrl(type, id),
            Fields = fields,
        };
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
}
