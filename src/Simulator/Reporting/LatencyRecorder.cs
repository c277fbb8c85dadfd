namespace ClarityConnect.Simulator.Reporting;

/// <summary>Collects the duration of every call per operation and computes its percentiles. Thread-safe.</summary>
public sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _samples = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);

    /// <summary>Records a successful call of <paramref name="operation"/>.</summary>
    public void Record(string operation, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (!_samples.TryGetValue(operation, out var list))
            {
                _samples[operation] = list = [];
            }

            list.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Records a failed call of <paramref name="operation"/>.</summary>
    public void RecordFailure(string operation)
    {
        lock (_gate)
        {
            _errors[operation] = _errors.GetValueOrDefault(operation) + 1;
        }
    }

    /// <summary>The figures of every operation seen, those of <paramref name="order"/> first in that order.</summary>
    public IReadOnlyList<OperationLatency> Summarize(IReadOnlyList<string> order)
    {
        lock (_gate)
        {
            var position = order.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
            var names = _samples.Keys.Union(_errors.Keys)
                .OrderBy(n => position.GetValueOrDefault(n, int.MaxValue))
                .ThenBy(n => n, StringComparer.Ordinal);
            return names.Select(Summarize).ToList();
        }
    }

    private OperationLatency Summarize(string operation)
    {
        var sorted = _samples.TryGetValue(operation, out var list) ? list.Order().ToArray() : [];
        return new OperationLatency(operation, sorted.Length, _errors.GetValueOrDefault(operation),
            Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    private static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        // Nearest rank: the smallest sample that at least `percent` of the samples do not exceed.
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
