using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// One CRM behind the shared node and export pipeline. Adapters know the CRM's protocol; the pipeline knows the
/// product's behaviour (exits, reuse, extra items, CSV, idempotent exports), once for every CRM.
/// </summary>
public interface ICrmAdapter
{
    /// <summary>The integration this adapter serves.</summary>
    string Integration { get; }

    /// <summary>The prefix of the extra items a Customer Lookup sets, e.g. <c>Salesforce</c> → <c>Salesforce.RecordId</c>.</summary>
    string ExtraItemPrefix { get; }

    /// <summary>The CRM's query language.</summary>
    IQueryLanguage Language { get; }

    /// <summary>The longest a call-flow lookup on this CRM may take, retries included (the connector's <c>LookupTimeout</c>).</summary>
    TimeSpan LookupTimeout { get; }

    /// <summary>Contacts and accounts matching <paramref name="criterion"/> (for <see cref="CustomerCriterionKind.Field"/>, records
    /// of the object the Search Parameter names); throws <see cref="CrmUnavailableException"/> when the CRM cannot answer and
    /// <see cref="Abstractions.Sessions.InvalidRequestException"/> naming the field and object when the Search Parameter
    /// names a field no searched object has.</summary>
    Task<IReadOnlyList<CrmRecord>> FindCustomersAsync(CustomerCriterion criterion, CancellationToken cancellationToken);

    /// <summary>Checks an Extra Item Key's Search Parameter (<c>Field</c> or <c>Object.Field</c>) against the CRM's metadata:
    /// returns the objects it searches, or throws <see cref="Abstractions.Sessions.InvalidRequestException"/> naming the
    /// field and the objects that lack it (or cannot filter on it).</summary>
    Task<IReadOnlyList<string>> CheckSearchParameterAsync(string searchParameter, CancellationToken cancellationToken);

    /// <summary>The queryable objects.</summary>
    Task<IReadOnlyList<CrmObjectInfo>> ListObjectsAsync(CancellationToken cancellationToken);

    /// <summary>The fields of an object, with related objects' fields when <paramref name="extended"/>; throws <see cref="Abstractions.Sessions.InvalidRequestException"/> for an unknown object.</summary>
    Task<IReadOnlyList<CrmFieldInfo>> ListFieldsAsync(string objectName, bool extended, CancellationToken cancellationToken);

    /// <summary>Runs <c>SELECT fields FROM objectName WHERE where</c> in the CRM's language and reads up to <paramref name="maxRecords"/> records, following pages.</summary>
    Task<CrmQueryResult> QueryAsync(string objectName, IReadOnlyList<string> fields, string where, int maxRecords, CancellationToken cancellationToken);

    /// <summary>Attaches a file to the record unless one with the same title is already attached; returns the attachment's id.</summary>
    Task<string> AttachFileAsync(CrmRecordLink record, CrmFile file, CancellationToken cancellationToken);

    /// <summary>Adds a note to the record unless one with the same title exists; returns the note's id.</summary>
    Task<string> AddNoteAsync(CrmRecordLink record, string title, string text, CancellationToken cancellationToken);
}
