namespace ClarityConnect.Grains.Batching;

/// <summary>
/// Group commit for one silo: callers add items, and the items are committed together by one call of the commit
/// function once <see cref="GroupCommitOptions.MaxBatchSize"/> wait or the oldest has waited
/// <see cref="GroupCommitOptions.Linger"/>. A caller's task completes when the batch holding its item was committed, or
/// faults with that batch's failure, so a consumer that awaits it acknowledges an event only once the work is durable.
/// </summary>
/// <remarks>
/// One commit runs at a time; items added meanwhile wait for the next one, so under load batches grow with the commit's
/// round trip rather than with the linger. Items are committed in the order they were added. The commit runs on the
/// thread pool, outside any grain's scheduler (it may call grains through <see cref="IGrainFactory"/>).
/// </remarks>
/// <typeparam name="T">The item one caller adds.</typeparam>
public sealed class GroupCommit<T>
{
    private readonly Func<IReadOnlyList<T>, Task> _commit;
    private readonly GroupCommitOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private List<Entry> _waiting = [];
    private TaskCompletionSource _full = NewSignal();
    private bool _committing;

    /// <summary>Commits batches with <paramref name="commit"/>, which throws when a batch did not become durable.</summary>
    public GroupCommit(Func<IReadOnlyList<T>, Task> commit, GroupCommitOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _commit = commit;
        _options = options;
        _time = time;
    }

    /// <summary>How many items wait for a commit to start (those of the commit in progress not included).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Adds <paramref name="item"/> to the next batch; completes once that batch was committed.</summary>
    public Task AddAsync(T item)
    {
        var waiter = new Entry(item, _time.GetTimestamp());
        lock (_gate)
        {
            _waiting.Add(waiter);
            if (_waiting.Count >= _options.MaxBatchSize)
            {
                _full.TrySetResult();
            }

            if (!_committing)
            {
                _committing = true;
                _ = Task.Run(CommitAllAsync);
            }
        }

        return waiter.Done.Task;
    }

    // Commits batch after batch until nothing waits; the only code that takes items out.
    private async Task CommitAllAsync()
    {
        while (true)
        {
            Entry oldest;
            Task full;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _committing = false;
                    return;
                }

                oldest = _waiting[0];
                full = _full.Task;
            }

            var wait = _options.Linger - _time.GetElapsedTime(oldest.AddedAt, _time.GetTimestamp());
            if (wait > TimeSpan.Zero && !full.IsCompleted)
            {
                await Task.WhenAny(full, Task.Delay(wait, _time));
            }

            List<Entry> batch;
            lock (_gate)
            {
                var count = Math.Min(_waiting.Count, _options.MaxBatchSize);
                batch = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
                _full = NewSignal();
                if (_waiting.Count >= _options.MaxBatchSize)
                {
                    _full.TrySetResult();
                }
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Entry> batch)
    {
        try
        {
            await _commit(batch.ConvertAll(w => w.Item));
        }
        catch (Exception failure)
        {
            foreach (var waiter in batch)
            {
                waiter.Done.TrySetException(failure);
            }

            return;
        }

        foreach (var waiter in batch)
        {
            waiter.Done.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Entry(T Item, long AddedAt)
    {
        // Callers continue on their own scheduler (a grain's), never inline on the committing thread.
        public TaskCompletionSource Done { get; } = NewSignal();
    }
}
