namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>A contact to seed, in neutral terms; each <see cref="ICrmDouble"/> maps it onto its CRM's fields.</summary>
public sealed record CrmContact(string LastName)
{
    /// <summary>The first name, if any.</summary>
    public string? FirstName { get; init; }

    /// <summary>The business phone, stored as written.</summary>
    public string? Phone { get; init; }

    /// <summary>The mobile phone, stored as written.</summary>
    public string? MobilePhone { get; init; }

    /// <summary>The primary e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The id of the account the contact belongs to.</summary>
    public string? AccountId { get; init; }

    /// <summary>The name a CRM shows: first and last name.</summary>
    public string FullName => string.IsNullOrEmpty(FirstName) ? LastName : $"{FirstName} {LastName}";
}
