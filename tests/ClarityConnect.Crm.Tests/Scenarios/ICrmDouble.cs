namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>
/// What the shared CRM scenarios need of a CRM double, in the CRM's neutral terms: seed records, read what the
/// connector wrote, make the CRM fail, and read the queries it received. One implementation per CRM wraps its double
/// (which stays strict to the vendor's wire format); the scenarios never see a field name of either CRM.
/// </summary>
public interface ICrmDouble
{
    /// <summary>The integration's name in settings, nodes and export keys.</summary>
    string Integration { get; }

    /// <summary>The CRM's name as the product's messages give it (e.g. "… is being given a rest").</summary>
    string Name { get; }

    /// <summary>The prefix of the extra items a Customer Lookup sets (e.g. <c>Salesforce.RecordId</c>).</summary>
    string ItemPrefix { get; }

    /// <summary>The object type of contacts, as lookups report it.</summary>
    string ContactType { get; }

    /// <summary>The object type of accounts, as lookups report it.</summary>
    string AccountType { get; }

    /// <summary>Seeds a contact; returns its id.</summary>
    string AddContact(CrmContact contact);

    /// <summary>Seeds an account; returns its id.</summary>
    string AddAccount(CrmAccount account);

    /// <summary>The link an agent follows to open the record.</summary>
    Uri RecordUrl(string objectType, string id);

    /// <summary>Every note and file the connector attached to a record, oldest first.</summary>
    IReadOnlyList<CrmWrite> Written { get; }

    /// <summary>The query texts received (searches, queries or filters, in the CRM's own language), oldest first.</summary>
    IReadOnlyList<string> QueriesReceived { get; }

    /// <summary>How many requests of any kind the CRM received.</summary>
    int RequestCount { get; }

    /// <summary>The OAuth grant types of the token requests received, oldest first.</summary>
    IReadOnlyList<string?> GrantTypes { get; }

    /// <summary>Whether every API request fails as an unreachable service does.</summary>
    bool Down { get; set; }

    /// <summary>Refuses the next <paramref name="count"/> requests with the CRM's documented "try again later" answer.</summary>
    void FailNext(int count);

    /// <summary>Refuses every upload (a note or a file) until disposed, with the answer <see cref="UploadRefusal"/> names.</summary>
    IDisposable RefuseUploads();

    /// <summary>What the refusal of <see cref="RefuseUploads"/> says, as the export's last error must quote it.</summary>
    string UploadRefusal { get; }

    /// <summary>Revokes the refresh tokens issued and expires the access tokens: the connector must authorize again.</summary>
    void RevokeAuthorization();
}
