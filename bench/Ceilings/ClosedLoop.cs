using System.Diagnostics;

namespace ClarityConnect.Bench.Ceilings;

/// <summary>Keeps <c>concurrency</c> workers busy with back-to-back operations for a while and counts them.</summary>
public static class ClosedLoop
{
    /// <summary>Runs <paramref name="operation"/> (given the worker's number) until <paramref name="duration"/> is over; returns operations per second.</summary>
    public static async Task<double> RunAsync(int concurrency, TimeSpan duration, Func<int, Task> operation)
    {
        long operations = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            while (clock.Elapsed < duration)
            {
                await operation(worker);
                Interlocked.Increment(ref operations);
            }
        }));
        return Math.Round(operations / clock.Elapsed.TotalSeconds, 1);
    }
}
