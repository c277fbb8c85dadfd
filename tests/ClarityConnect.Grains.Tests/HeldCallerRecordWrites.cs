namespace ClarityConnect.Grains.Tests;

/// <summary>
/// Holds <see cref="Crm.ICallerRecordGrain.RememberAsync"/> calls in the core test silos while a test says so, to show
/// what waits for remembering a caller's match and what does not. Open unless a test holds it.
/// </summary>
public sealed class HeldCallerRecordWrites : IIncomingGrainCallFilter
{
    private static TaskCompletionSource _gate = Opened();
    private static TaskCompletionSource _passed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many remember calls arrived while held.</summary>
    public static int Held;

    /// <summary>Holds every remember call until the returned handle is disposed.</summary>
    public static IDisposable Hold()
    {
        Volatile.Write(ref Held, 0);
        _passed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new Release();
    }

    /// <summary>Completes once a held remember call went through after the release.</summary>
    public static Task Passed => _passed.Task;

    /// <inheritdoc />
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name != nameof(Crm.ICallerRecordGrain.RememberAsync) || _gate.Task.IsCompleted)
        {
            await context.Invoke();
            return;
        }

        Interlocked.Increment(ref Held);
        await _gate.Task;
        await context.Invoke();
        _passed.TrySetResult();
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private sealed class Release : IDisposable
    {
        public void Dispose() => _gate.TrySetResult();
    }
}
