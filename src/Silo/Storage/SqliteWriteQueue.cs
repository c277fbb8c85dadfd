using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// Group commit for one SQLite file: the writes of this process are queued and one loop runs whatever is waiting in a
/// single transaction, then completes each caller once that transaction is committed (and, with
/// <c>synchronous=FULL</c>, on disk). SQLite allows one writer at a time anyway; concurrent writers on their own
/// connections only wait on each other's lock in its busy handler (sleeps of up to 100 ms) and pay one WAL sync each.
/// </summary>
/// <remarks>
/// One queue per file and process (<see cref="For"/>): grain state, reminders and the admin listings of one file share
/// it, so their writes commit together instead of waiting on each other's file lock.
/// </remarks>
internal sealed class SqliteWriteQueue(Func<CancellationToken, Task<SqliteConnection>> open)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SqliteWriteQueue> Queues = new(StringComparer.Ordinal);

    /// <summary>The queue of the file at <paramref name="databasePath"/>; the first caller's <paramref name="open"/> opens its connections.</summary>
    public static SqliteWriteQueue For(string databasePath, Func<CancellationToken, Task<SqliteConnection>> open) =>
        Queues.GetOrAdd(databasePath, _ => new SqliteWriteQueue(open));

    /// <summary>At most this many writes share a transaction.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _loop;

    /// <summary>Runs <paramref name="write"/> in the next group transaction; completes when that transaction committed.</summary>
    /// <remarks>A write that throws fails alone (SQLite undoes just that statement); a failed commit fails the whole group.</remarks>
    public Task<T> WriteAsync<T>(Func<SqliteCommand, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(write);
        _pending.Writer.TryWrite(pending);
        lock (_gate)
        {
            _loop ??= Task.Run(RunAsync);
        }

        return pending.Completion;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                await using var connection = await open(CancellationToken.None).ConfigureAwait(false);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
                foreach (var write in batch)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    await write.ExecuteAsync(command).ConfigureAwait(false);
                }

                await transaction.CommitAsync().ConfigureAwait(false);
                batch.ForEach(w => w.Complete());
            }
            catch (Exception failure)
            {
                batch.ForEach(w => w.Fail(failure));
            }

            batch.Clear();
        }
    }

    private abstract class PendingWrite
    {
        public abstract Task ExecuteAsync(SqliteCommand command);

        public abstract void Complete();

        public abstract void Fail(Exception failure);
    }

    private sealed class PendingWrite<T>(Func<SqliteCommand, Task<T>> write) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _failure;

        public Task<T> Completion => _completion.Task;

        public override async Task ExecuteAsync(SqliteCommand command)
        {
            try
            {
                _result = await write(command).ConfigureAwait(false);
            }
            catch (SqliteException failure)
            {
                _failure = failure;
            }
        }

        public override void Complete()
        {
            if (_failure is null)
            {
                _completion.TrySetResult(_result!);
            }
            else
            {
                _completion.TrySetException(_failure);
            }
        }

        public override void Fail(Exception failure) => _completion.TrySetException(_failure ?? failure);
    }
}
