using System.Text;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Crm.Tests.Scenarios;
using ClarityConnect.TestDoubles.Dataverse;

namespace ClarityConnect.Crm.Tests.Dataverse;

/// <summary>The shared scenarios' view of a <see cref="DataverseDouble"/>: the contact and account tables, annotations.</summary>
public sealed class DataverseCrm(DataverseDouble dataverse) : ICrmDouble
{
    private const string Busy = "The service is temporarily unavailable.";

    /// <inheritdoc />
    public string Integration => IntegrationNames.Dynamics;

    /// <inheritdoc />
    public string Name => "Dataverse";

    /// <inheritdoc />
    /// <remarks>The integration is "Microsoft Dynamics" to users, so its items are too.</remarks>
    public string ItemPrefix => "Dynamics.";

    /// <inheritdoc />
    public string ContactType => "contact";

    /// <inheritdoc />
    public string AccountType => "account";

    /// <inheritdoc />
    public string UploadRefusal => "503 Service Unavailable: " + Busy;

    /// <inheritdoc />
    public bool Down
    {
        get => dataverse.Down;
        set => dataverse.Down = value;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> QueriesReceived => dataverse.Filters;

    /// <inheritdoc />
    public int RequestCount => dataverse.Requests.Count;

    /// <inheritdoc />
    public IReadOnlyList<string?> GrantTypes => dataverse.TokenRequests.Select(r => r.GrantType).ToList();

    /// <inheritdoc />
    public IReadOnlyList<CrmWrite> Written => dataverse.Records("annotation").Select(a => (string?)a["documentbody"] is { } document
            ? new CrmWrite((string)a["_objectid_value"]!, (string)a["subject"]!, Encoding.UTF8.GetString(Convert.FromBase64String(document)), IsFile: true)
            : new CrmWrite((string)a["_objectid_value"]!, (string)a["subject"]!, (string)a["notetext"]!, IsFile: false))
        .ToList();

    /// <inheritdoc />
    /// <remarks>Dataverse computes <c>fullname</c> from the name parts; the double stores what it is given, so it is given it.</remarks>
    public string AddContact(CrmContact contact) => dataverse.AddRecord("contact", JsonFields.Of(
        ("firstname", contact.FirstName), ("lastname", contact.LastName), ("fullname", contact.FullName), ("telephone1", contact.Phone),
        ("mobilephone", contact.MobilePhone), ("emailaddress1", contact.Email), ("_parentcustomerid_value", contact.AccountId))).ToString();

    /// <inheritdoc />
    public string AddAccount(CrmAccount account) =>
        dataverse.AddRecord("account", JsonFields.Of(("name", account.Name), ("telephone1", account.Phone), ("accountnumber", account.AccountNumber))).ToString();

    /// <inheritdoc />
    public Uri RecordUrl(string objectType, string id) => new($"{dataverse.BaseUrl.ToString().TrimEnd('/')}/main.aspx?etn={objectType}&pagetype=entityrecord&id={id}");

    /// <inheritdoc />
    /// <remarks>The service protection limit's answer: 429 with error code 0x80072322 and a Retry-After.</remarks>
    public void FailNext(int count) =>
        dataverse.FailNext(count, 429, "0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds.", 0);

    /// <inheritdoc />
    /// <remarks>Notes and files are both annotations; queries and metadata are still answered.</remarks>
    public IDisposable RefuseUploads() =>
        dataverse.FailEvery(r => r.Method == "POST" && r.Path.EndsWith("/annotations", StringComparison.Ordinal), 503, message: Busy);

    /// <inheritdoc />
    public void RevokeAuthorization()
    {
        dataverse.RevokeRefreshTokens();
        dataverse.ExpireAccessTokens();
    }
}
