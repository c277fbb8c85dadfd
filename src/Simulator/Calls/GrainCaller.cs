using System.Diagnostics;
using ClarityConnect.Simulator.Reporting;

namespace ClarityConnect.Simulator.Calls;

/// <summary>
/// Makes every grain call of the simulator: times it, gives up after the call timeout so a lost silo never hangs a
/// session, and wraps failures in <see cref="GrainCallException"/> naming the operation.
/// </summary>
public sealed class GrainCaller(LatencyRecorder latencies, TimeSpan timeout)
{
    /// <summary>How long one call may take.</summary>
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>Calls <paramref name="call"/> as <paramref name="operation"/>.</summary>
    public async Task InvokeAsync(string operation, Func<Task> call, CancellationToken cancellationToken)
    {
        await InvokeAsync(operation, async () =>
        {
            await call();
            return true;
        }, cancellationToken);
    }

    /// <summary>Calls <paramref name="call"/> as <paramref name="operation"/> and returns its result.</summary>
    public async Task<T> InvokeAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        try
        {
            // WaitAsync stops waiting, not the call: Orleans' own response timeout (set to the same value) cleans it up.
            var result = await call().WaitAsync(Timeout, cancellationToken);
            latencies.Record(operation, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutException ex)
        {
            latencies.RecordFailure(operation);
            throw new GrainCallException(operation, new TimeoutException($"no answer within {Timeout.TotalSeconds:0.#} s", ex));
        }
        catch (Exception ex)
        {
            latencies.RecordFailure(operation);
            throw new GrainCallException(operation, ex);
        }
    }
}
