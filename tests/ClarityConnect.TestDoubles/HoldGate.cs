namespace ClarityConnect.TestDoubles;

/// <summary>Lets a test hold work inside a silo at a point of its choosing: while closed, <see cref="PassAsync"/> waits.</summary>
public sealed class HoldGate
{
    private volatile TaskCompletionSource _open = Opened();

    /// <summary>Whether something waits at the closed gate.</summary>
    public bool Holding { get; private set; }

    /// <summary>Makes later passes wait until <see cref="Open"/>.</summary>
    public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets waiting and later passes through.</summary>
    public void Open() => _open.TrySetResult();

    /// <summary>Completes at once while open; waits while closed.</summary>
    public async Task PassAsync()
    {
        var open = _open.Task;
        Holding = !open.IsCompleted;
        await open;
        Holding = false;
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
