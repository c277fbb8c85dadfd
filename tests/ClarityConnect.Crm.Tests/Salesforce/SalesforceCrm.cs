using System.Text;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Crm.Tests.Scenarios;
using ClarityConnect.TestDoubles.Salesforce;

namespace ClarityConnect.Crm.Tests.Salesforce;

/// <summary>The shared scenarios' view of a <see cref="SalesforceDouble"/>: standard Contact and Account fields, Notes and ContentVersions.</summary>
public sealed class SalesforceCrm(SalesforceDouble salesforce) : ICrmDouble
{
    /// <inheritdoc />
    public string Integration => IntegrationNames.Salesforce;

    /// <inheritdoc />
    public string Name => "Salesforce";

    /// <inheritdoc />
    public string ItemPrefix => "Salesforce.";

    /// <inheritdoc />
    public string ContactType => "Contact";

    /// <inheritdoc />
    public string AccountType => "Account";

    /// <inheritdoc />
    public string UploadRefusal => "SERVER_UNAVAILABLE: Server is unavailable or overloaded";

    /// <inheritdoc />
    public bool Down
    {
        get => salesforce.Down;
        set => salesforce.Down = value;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> QueriesReceived => salesforce.Requests.Where(r => r.Q is not null).Select(r => r.Q!).ToList();

    /// <inheritdoc />
    public int RequestCount => salesforce.Requests.Count;

    /// <inheritdoc />
    public IReadOnlyList<string?> GrantTypes => salesforce.TokenRequests.Select(r => r.GrantType).ToList();

    /// <inheritdoc />
    public IReadOnlyList<CrmWrite> Written =>
        salesforce.Records("Note").Select(n => new CrmWrite((string)n["ParentId"]!, (string)n["Title"]!, (string)n["Body"]!, IsFile: false))
            .Concat(salesforce.Records("ContentVersion").Select(v => new CrmWrite(
                (string)v["FirstPublishLocationId"]!, (string)v["Title"]!, Encoding.UTF8.GetString(Convert.FromBase64String((string)v["VersionData"]!)), IsFile: true)))
            .ToList();

    /// <inheritdoc />
    public string AddContact(CrmContact contact) => salesforce.AddRecord("Contact", JsonFields.Of(
        ("FirstName", contact.FirstName), ("LastName", contact.LastName), ("Phone", contact.Phone), ("MobilePhone", contact.MobilePhone),
        ("Email", contact.Email), ("AccountId", contact.AccountId)));

    /// <inheritdoc />
    public string AddAccount(CrmAccount account) => salesforce.AddRecord("Account", JsonFields.Of(("Name", account.Name), ("Phone", account.Phone), ("AccountNumber", account.AccountNumber)));

    /// <inheritdoc />
    public Uri RecordUrl(string objectType, string id) => new($"{salesforce.BaseUrl.ToString().TrimEnd('/')}/lightning/r/{objectType}/{id}/view");

    /// <inheritdoc />
    public void FailNext(int count) => salesforce.FailNext(count, 503, "SERVER_UNAVAILABLE");

    /// <inheritdoc />
    /// <remarks>Notes and files are both created through <c>/sobjects/</c>; queries and searches are still answered.</remarks>
    public IDisposable RefuseUploads() =>
        salesforce.FailEvery(r => r.Method == "POST" && r.Path.Contains("/sobjects/", StringComparison.Ordinal), 503, "SERVER_UNAVAILABLE", "Server is unavailable or overloaded");

    /// <inheritdoc />
    public void RevokeAuthorization()
    {
        salesforce.RevokeRefreshToken();
        salesforce.ExpireAccessTokens();
    }
}
