using System.Collections.Concurrent;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Grains.Crm;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// A CRM held in memory behind the adapter seam, registered as "salesforce" in the core tests: enough to exercise the
/// shared pipeline (lookups, reuse, exports, failures). The Salesforce wire protocol is tested against its double.
/// </summary>
public sealed class InMemoryCrmAdapter : ICrmAdapter
{
    private static readonly ConcurrentDictionary<string, int> FailuresToInject = new();

    /// <summary>Every attachment and note delivered, by record id, process-wide.</summary>
    public static ConcurrentBag<(string RecordId, string Title)> Delivered { get; } = [];

    /// <summary>How many customer searches reached this CRM.</summary>
    public static int Searches;

    public string Integration => IntegrationNames.Salesforce;

    public string ExtraItemPrefix => "Salesforce";

    public IQueryLanguage Language => throw new NotSupportedException("The in-memory CRM has no query language.");

    /// <summary>The lookup budget; a test lowers it to watch a stalled lookup run out of time.</summary>
    public static TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LookupTimeout => Budget;

    public Task<IReadOnlyList<string>> CheckSearchParameterAsync(string searchParameter, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(["Contact", "Account"]);

    /// <summary>Makes the next <paramref name="count"/> deliveries for <paramref name="recordId"/> fail.</summary>
    public static void FailDeliveries(string recordId, int count) => FailuresToInject[recordId] = count;

    /// <summary>A caller ID name "Nobody" matches nothing; "Stalled" never answers (until the lookup is cancelled).</summary>
    public async Task<IReadOnlyList<CrmRecord>> FindCustomersAsync(CustomerCriterion criterion, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Searches);
        if (criterion.Kind == CustomerCriterionKind.Name && criterion.Value == "Nobody")
        {
            return [];
        }

        if (criterion.Kind == CustomerCriterionKind.Name && criterion.Value == "Stalled")
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var id = "003" + Math.Abs(criterion.Value.GetHashCode()).ToString("D12")[..12];
        return
        [
            new CrmRecord
            {
                ObjectType = "Account", Id = "001" + id[3..], Name = "Example Corp", Url = new Uri($"https://example.lightning.force.com/lightning/r/Account/001{id[3..]}/view"),
            },
            new CrmRecord
            {
                ObjectType = "Contact", Id = id, Name = "Alice Example", AccountName = "Example Corp", Phone = "(415) 555-0100", Email = "alice@example.com",
                Url = new Uri($"https://example.lightning.force.com/lightning/r/Contact/{id}/view"),
            },
        ];
    }

    public Task<IReadOnlyList<CrmObjectInfo>> ListObjectsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CrmObjectInfo>>([new CrmObjectInfo { Name = "Contact" }, new CrmObjectInfo { Name = "Account" }]);

    public Task<IReadOnlyList<CrmFieldInfo>> ListFieldsAsync(string objectName, bool extended, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CrmFieldInfo>>([new CrmFieldInfo { Name = "Id" }, new CrmFieldInfo { Name = "Name" }]);

    public Task<CrmQueryResult> QueryAsync(string objectName, IReadOnlyList<string> fields, string where, int maxRecords, CancellationToken cancellationToken) =>
        throw new CrmUnavailableException("The in-memory CRM does not run queries.");

    public async Task<string> AttachFileAsync(CrmRecordLink record, CrmFile file, CancellationToken cancellationToken)
    {
        await using var content = await file.Open(cancellationToken);
        return Deliver(record, file.Title);
    }

    public Task<string> AddNoteAsync(CrmRecordLink record, string title, string text, CancellationToken cancellationToken) =>
        Task.FromResult(Deliver(record, title));

    private static string Deliver(CrmRecordLink record, string title)
    {
        if (FailuresToInject.TryGetValue(record.RecordId, out var left) && left > 0)
        {
            FailuresToInject[record.RecordId] = left - 1;
            throw new CrmUnavailableException("503 Service Unavailable (injected)");
        }

        if (!Delivered.Contains((record.RecordId, title)))
        {
            Delivered.Add((record.RecordId, title));
        }

        return $"{record.RecordId}:{title}";
    }
}
