namespace ClarityConnect.TestDoubles;

/// <summary>The requests a double received, in arrival order, with a way to await one that matches.</summary>
public sealed class RequestLog<T>
    where T : class
{
    private readonly Lock _sync = new();
    private readonly List<T> _requests = [];
    private readonly List<(Func<T, bool> Predicate, TaskCompletionSource<T> Completion)> _waiters = [];

    /// <summary>Every request, in arrival order.</summary>
    public IReadOnlyList<T> All
    {
        get
        {
            lock (_sync)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Records <paramref name="request"/> and completes the waiters it matches.</summary>
    public void Add(T request)
    {
        List<TaskCompletionSource<T>> completed = [];
        lock (_sync)
        {
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(request))
                {
                    completed.Add(_waiters[i].Completion);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var completion in completed)
        {
            completion.TrySetResult(request);
        }
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _requests.Clear();
        }
    }

    /// <summary>Completes when a request matching <paramref name="predicate"/> arrives (or already has).</summary>
    public Task<T> WaitForAsync(Func<T, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_sync)
        {
            if (_requests.FirstOrDefault(predicate) is { } seen)
            {
                return Task.FromResult(seen);
            }

            var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, completion));
            cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
            return completion.Task;
        }
    }
}
