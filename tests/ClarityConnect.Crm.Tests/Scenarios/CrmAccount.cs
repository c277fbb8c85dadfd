namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>An account to seed, in neutral terms; each <see cref="ICrmDouble"/> maps it onto its CRM's fields.</summary>
public sealed record CrmAccount(string Name)
{
    /// <summary>The main phone, stored as written.</summary>
    public string? Phone { get; init; }

    /// <summary>The account number.</summary>
    public string? AccountNumber { get; init; }
}
