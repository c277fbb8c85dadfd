using System.Text.Json.Nodes;
using ClarityConnect.Simulator.Reporting;
using ClarityConnect.TestDoubles.Csi;

namespace ClarityConnect.Bench.Lifecycles;

/// <summary>Times every change event the CSI double accepts (arrival minus the event's own time) and counts requests.</summary>
public sealed class CsiDeliveryProbe
{
    /// <summary>The name the delays are recorded under.</summary>
    public const string Delivery = "CsiEvent";

    private readonly Lock _gate = new();
    private LatencyRecorder _delays = new();
    private long _events;
    private long _requests;

    /// <summary>Starts timing what <paramref name="csi"/> accepts.</summary>
    public CsiDeliveryProbe(CsiDouble csi) => csi.BatchAccepted = OnBatch;

    /// <summary>Events accepted since the last <see cref="Reset"/>.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Starts a new window: forgets the counts and delays so far.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _delays = new LatencyRecorder();
            Interlocked.Exchange(ref _events, 0);
            Interlocked.Exchange(ref _requests, 0);
        }
    }

    /// <summary>The window's figures: events, requests and the delay of each event.</summary>
    public (long Events, long Requests, OperationLatency Delay) Take()
    {
        lock (_gate)
        {
            var delay = _delays.Summarize([Delivery]).FirstOrDefault() ?? new OperationLatency(Delivery, 0, 0, 0, 0, 0, 0);
            return (Events, Interlocked.Read(ref _requests), delay);
        }
    }

    private void OnBatch(JsonObject batch)
    {
        var now = DateTimeOffset.UtcNow;
        var events = batch["events"]?.AsArray() ?? [];
        lock (_gate)
        {
            foreach (var change in events.OfType<JsonObject>())
            {
                if (change["time"]?.GetValue<DateTimeOffset>() is { } time)
                {
                    _delays.Record(Delivery, now - time);
                }
            }

            Interlocked.Add(ref _events, events.Count);
            Interlocked.Increment(ref _requests);
        }
    }
}
