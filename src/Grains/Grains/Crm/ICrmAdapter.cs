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

    /// <summary>Contacts and accounts matching <paramref name="criterion"/>; throws <see cref="CrmUnavailableException"/> when the CRM cannot answer.</summary>
    Task<IReadOnlyList<CrmRecord>> FindCustomersAsync(CustomerCriterion criterion, CancellationToken cancellationToken);

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
