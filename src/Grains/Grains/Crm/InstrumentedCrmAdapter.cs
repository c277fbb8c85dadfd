using System.Diagnostics;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Telemetry;
using ClarityConnect.Grains.Telemetry;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// Wraps a CRM adapter with a span per operation (<c>crm find_customers</c>, <c>crm query</c>, …; the HTTP requests
/// are its children) and the <c>clarityconnect.crm.duration</c> and <c>clarityconnect.crm.errors</c> metrics. Only the
/// operation, the integration, the lane, the kind of search criterion and the CRM's error code are recorded: never the
/// criterion's value, the query, a record's fields or a file's name.
/// </summary>
/// <param name="inner">The adapter.</param>
/// <param name="lane">The lane the adapter's calls go through, tagged on its spans and metrics.</param>
public sealed class InstrumentedCrmAdapter(ICrmAdapter inner, HttpLane lane) : ICrmAdapter
{
    private readonly string laneTag = HttpConnectorLane.TagOf(lane);

    /// <inheritdoc />
    public string Integration => inner.Integration;

    /// <inheritdoc />
    public string ExtraItemPrefix => inner.ExtraItemPrefix;

    /// <inheritdoc />
    public IQueryLanguage Language => inner.Language;

    /// <inheritdoc />
    public TimeSpan LookupTimeout => inner.LookupTimeout;

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmRecord>> FindCustomersAsync(CustomerCriterion criterion, CancellationToken cancellationToken) =>
        RunAsync("find_customers", () => inner.FindCustomersAsync(criterion, cancellationToken), criterion.Kind.ToString());

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> CheckSearchParameterAsync(string searchParameter, CancellationToken cancellationToken) =>
        RunAsync("check_search_parameter", () => inner.CheckSearchParameterAsync(searchParameter, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmObjectInfo>> ListObjectsAsync(CancellationToken cancellationToken) =>
        RunAsync("list_objects", () => inner.ListObjectsAsync(cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<CrmFieldInfo>> ListFieldsAsync(string objectName, bool extended, CancellationToken cancellationToken) =>
        RunAsync("list_fields", () => inner.ListFieldsAsync(objectName, extended, cancellationToken));

    /// <inheritdoc />
    public Task<CrmQueryResult> QueryAsync(string objectName, IReadOnlyList<string> fields, string where, int maxRecords, CancellationToken cancellationToken) =>
        RunAsync("query", () => inner.QueryAsync(objectName, fields, where, maxRecords, cancellationToken));

    /// <inheritdoc />
    public Task<string> AttachFileAsync(CrmRecordLink record, CrmFile file, CancellationToken cancellationToken) =>
        RunAsync("attach_file", () => inner.AttachFileAsync(record, file, cancellationToken));

    /// <inheritdoc />
    public Task<string> AddNoteAsync(CrmRecordLink record, string title, string text, CancellationToken cancellationToken) =>
        RunAsync("add_note", () => inner.AddNoteAsync(record, title, text, cancellationToken));

    private async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, string? criterion = null)
    {
        var tags = new TagList { { TelemetryTags.Integration, Integration }, { TelemetryTags.CrmOperation, operation }, { TelemetryTags.Lane, laneTag } };
        using var activity = ClarityConnectTelemetry.ActivitySource.StartActivity("crm " + operation, ActivityKind.Internal, default(ActivityContext), tags);
        activity?.SetTag(TelemetryTags.CriterionKind, criterion);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            tags.Add(TelemetryTags.Outcome, "success");
            return result;
        }
        catch (Exception failure)
        {
            var code = TelemetryErrors.TypeOf(failure);
            tags.Add(TelemetryTags.Outcome, "failure");
            activity?.SetTag(TelemetryTags.ErrorType, code);
            activity?.SetStatus(ActivityStatusCode.Error, code);
            IntegrationMetrics.CrmErrors.Add(1, new TagList
            {
                { TelemetryTags.Integration, Integration }, { TelemetryTags.CrmOperation, operation }, { TelemetryTags.Lane, laneTag }, { TelemetryTags.ErrorType, code },
            });
            throw;
        }
        finally
        {
            IntegrationMetrics.CrmDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
