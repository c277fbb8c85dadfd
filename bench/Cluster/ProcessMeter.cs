using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using ClarityConnect.Bench.Reporting;

namespace ClarityConnect.Bench.Cluster;

/// <summary>
/// What a run costs this process (silo, client and doubles together): CPU time, allocation, and every garbage-collection
/// pause, each pause timed from the runtime's own events (suspension begun to execution restarted). A pause stops every
/// operation in flight, so the pauses set a floor under the tail latency that no grain code can go below.
/// </summary>
public sealed class ProcessMeter : EventListener
{
    // Microsoft-Windows-DotNETRuntime: keyword GC, GCSuspendEEBegin_V1 and GCRestartEEEnd_V1.
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int SuspendBegin = 9;
    private const int RestartEnd = 3;

    private readonly ConcurrentQueue<(DateTime At, double Ms)> _pauses = new();
    private DateTime? _suspendedAt;

    /// <summary>Starts a measurement; <see cref="Measurement.Stop"/> gives the figures since.</summary>
    public Measurement Start() => new(this);

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventId)
        {
            case SuspendBegin:
                _suspendedAt = eventData.TimeStamp;
                break;
            case RestartEnd when _suspendedAt is { } suspended:
                _pauses.Enqueue((eventData.TimeStamp, (eventData.TimeStamp - suspended).TotalMilliseconds));
                _suspendedAt = null;
                break;
        }
    }

    /// <summary>The process's counters at the start of a measurement.</summary>
    public sealed class Measurement
    {
        private readonly ProcessMeter _meter;
        private readonly DateTime _startedAt = DateTime.UtcNow;
        private readonly long _clock = Stopwatch.GetTimestamp();
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: false);
        private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

        internal Measurement(ProcessMeter meter) => _meter = meter;

        /// <summary>The figures from the start until now, per life cycle where <paramref name="lifecycles"/> is given.</summary>
        public ProcessCost Stop(long lifecycles)
        {
            var wall = Stopwatch.GetElapsedTime(_clock);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - _allocated;
            var pauses = _meter._pauses.Where(p => p.At >= _startedAt).Select(p => p.Ms).Order().ToArray();
            var perLifecycle = Math.Max(1, lifecycles);
            return new ProcessCost
            {
                WallSeconds = Math.Round(wall.TotalSeconds, 2),
                CoresUsed = Math.Round(cpu / wall, 2),
                CpuMsPerLifecycle = Math.Round(cpu.TotalMilliseconds / perLifecycle, 2),
                AllocatedKbPerLifecycle = Math.Round(allocated / 1024.0 / perLifecycle, 1),
                Collections = [.. Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - _collections[g])],
                Pauses = pauses.Length,
                PausedShare = Math.Round(pauses.Sum() / wall.TotalMilliseconds, 4),
                HeldOver10MsShare = Math.Round(pauses.Sum(p => Math.Max(0, p - 10)) / wall.TotalMilliseconds, 4),
                PauseP50Ms = Math.Round(Percentile(pauses, 0.50), 2),
                PauseMaxMs = Math.Round(pauses.LastOrDefault(), 2),
            };
        }

        private static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
