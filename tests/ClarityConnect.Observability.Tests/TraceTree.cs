using System.Diagnostics;
using System.Text;

namespace ClarityConnect.Observability.Tests;

/// <summary>The spans of one trace, with their parent/child links.</summary>
public sealed class TraceTree(IReadOnlyList<Activity> spans)
{
    /// <summary>The spans.</summary>
    public IReadOnlyList<Activity> Spans { get; } = spans;

    /// <summary>The spans of <paramref name="traceId"/> among <paramref name="all"/>.</summary>
    public static TraceTree Of(IEnumerable<Activity> all, ActivityTraceId traceId) => new(all.Where(s => s.TraceId == traceId).ToList());

    /// <summary>The span's parent within the trace, or null.</summary>
    public Activity? Parent(Activity span) => Spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId);

    /// <summary>True when <paramref name="span"/> is below <paramref name="ancestor"/>.</summary>
    public bool IsBelow(Activity span, Activity ancestor)
    {
        for (var parent = Parent(span); parent is not null; parent = Parent(parent))
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The trace as an indented list, for failure messages.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        void Write(Activity span, int depth)
        {
            text.Append(' ', depth * 2).Append(span.DisplayName).Append(" [").Append(span.Source.Name).Append(", ").Append(span.Kind).AppendLine("]");
            foreach (var child in Spans.Where(s => s.ParentSpanId == span.SpanId).OrderBy(s => s.StartTimeUtc))
            {
                Write(child, depth + 1);
            }
        }

        foreach (var root in Spans.Where(s => Parent(s) is null).OrderBy(s => s.StartTimeUtc))
        {
            Write(root, 0);
        }

        return text.ToString();
    }
}
