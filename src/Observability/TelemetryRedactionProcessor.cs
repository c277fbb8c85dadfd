using System.Diagnostics;
using ClarityConnect.Connectors.Telemetry;
using OpenTelemetry;

namespace ClarityConnect.Observability;

/// <summary>
/// Removes what may carry caller data or secrets from every span before any exporter sees it: the query string of URLs
/// (SOQL, SOSL and OData queries carry the caller's number, name or extra items in it; an OAuth callback carries the
/// authorization code), and exception messages and stack traces (a CRM's error message may quote the query). The
/// exception's type stays, and so does our own status code; the log, correlated by trace id, has the details.
/// </summary>
public sealed class TelemetryRedactionProcessor : BaseProcessor<Activity>
{
    /// <summary>The tags whose values are URLs; their query strings are dropped.</summary>
    public static readonly IReadOnlyList<string> UrlTags = ["url.full", "http.url", "url.original", "http.target"];

    /// <summary>The tags removed altogether.</summary>
    public static readonly IReadOnlyList<string> RemovedTags = ["url.query", "exception.message", "exception.stacktrace"];

    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var key in UrlTags)
        {
            if (data.GetTagItem(key) is string url && url.IndexOf('?', StringComparison.Ordinal) is var query and >= 0)
            {
                data.SetTag(key, url[..query]);
            }
        }

        foreach (var key in RemovedTags)
        {
            if (data.GetTagItem(key) is not null)
            {
                data.SetTag(key, null);
            }
        }

        // Other libraries put exception messages into the status description; ours are error codes.
        if (data.StatusDescription is not null && data.Source.Name != ClarityConnectTelemetry.Name)
        {
            data.SetStatus(data.Status);
        }
    }
}
