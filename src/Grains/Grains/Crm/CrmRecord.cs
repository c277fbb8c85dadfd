namespace ClarityConnect.Grains.Crm;

/// <summary>A record a CRM returned, reduced to what the nodes need.</summary>
public sealed record CrmRecord
{
    /// <summary>The object type (<c>Contact</c>, <c>Account</c>, <c>contact</c>, …).</summary>
    public required string ObjectType { get; init; }
    /// <summary>The record id.</summary>
    public required string Id { get; init; }
    /// <summary>The display name.</summary>
    public string? Name { get; init; }
    /// <summary>The account (company) name, for a contact.</summary>
    public string? AccountName { get; init; }
    /// <summary>The main phone number.</summary>
    public string? Phone { get; init; }
    /// <summary>The main e-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>When the record was last modified, to pick the freshest of several.</summary>
    public DateTimeOffset? ModifiedAt { get; init; }
    /// <summary>The URL that opens the record.</summary>
    public required Uri Url { get; init; }
    /// <summary>Queried fields by the name they were asked for (relationship fields as <c>Account.Name</c>), as text.</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();
}
