using ClarityConnect.Grains.Batching;

namespace ClarityConnect.Grains.Tests;

/// <summary>The per-silo group commit the CSI push and the admin listing share.</summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_full_batch_is_committed_at_once_in_the_order_added_without_waiting_out_the_linger()
    {
        var commits = new List<IReadOnlyList<int>>();
        var batcher = new GroupCommit<int>(batch => { lock (commits) { commits.Add(batch); } return Task.CompletedTask; },
            new GroupCommitOptions { MaxBatchSize = 3, Linger = TimeSpan.FromHours(1) }, TimeProvider.System);

        await Task.WhenAll(batcher.AddAsync(1), batcher.AddAsync(2), batcher.AddAsync(3)).WaitAsync(Guard);

        Assert.Equal([1, 2, 3], Assert.Single(commits));
    }

    [Fact]
    public async Task Items_added_while_a_commit_runs_are_committed_together_by_the_next_one()
    {
        var (batcher, commits, entered, release) = Gated(maxBatchSize: 100);
        var first = batcher.AddAsync(1);
        await entered.Task.WaitAsync(Guard);
        var rest = new[] { batcher.AddAsync(2), batcher.AddAsync(3), batcher.AddAsync(4) };
        Assert.False(first.IsCompleted, "a caller completes only once its batch is committed");

        release.SetResult();
        await Task.WhenAll(rest.Append(first)).WaitAsync(Guard);

        Assert.Equal(new[] { new[] { 1 }, [2, 3, 4] }, commits.Select(c => c.ToArray()));
    }

    [Fact]
    public async Task A_batch_larger_than_the_limit_is_split_in_order()
    {
        var (batcher, commits, entered, release) = Gated(maxBatchSize: 2);
        var first = batcher.AddAsync(0);
        await entered.Task.WaitAsync(Guard);
        var rest = Enumerable.Range(1, 5).Select(batcher.AddAsync).ToList();

        release.SetResult();
        await Task.WhenAll(rest.Append(first)).WaitAsync(Guard);

        Assert.Equal(new[] { new[] { 0 }, [1, 2], [3, 4], [5] }, commits.Select(c => c.ToArray()));
    }

    [Fact]
    public async Task A_failed_commit_fails_every_caller_of_its_batch_and_the_next_batch_still_commits()
    {
        var failing = true;
        var committed = new List<int>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new GroupCommit<int>(async batch =>
        {
            if (failing)
            {
                entered.TrySetResult();
                await release.Task;
                failing = false;
                throw new InvalidOperationException("disk full");
            }

            committed.AddRange(batch);
        }, new GroupCommitOptions { MaxBatchSize = 2, Linger = TimeSpan.FromHours(1) }, TimeProvider.System);

        var doomed = new[] { batcher.AddAsync(1), batcher.AddAsync(2) };
        await entered.Task.WaitAsync(Guard);
        var next = new[] { batcher.AddAsync(3), batcher.AddAsync(4) };
        release.SetResult();

        foreach (var caller in doomed)
        {
            Assert.Equal("disk full", (await Assert.ThrowsAsync<InvalidOperationException>(() => caller.WaitAsync(Guard))).Message);
        }

        await Task.WhenAll(next).WaitAsync(Guard);
        Assert.Equal([3, 4], committed);
    }

    [Fact]
    public async Task A_lone_item_is_committed_once_its_linger_is_over()
    {
        var committed = new List<int>();
        var batcher = new GroupCommit<int>(batch => { committed.AddRange(batch); return Task.CompletedTask; },
            new GroupCommitOptions { MaxBatchSize = 100, Linger = TimeSpan.FromMilliseconds(20) }, TimeProvider.System);

        await batcher.AddAsync(7).WaitAsync(Guard);

        Assert.Equal([7], committed);
    }

    [Theory]
    [InlineData(0, 5, "MaxBatchSize")]
    [InlineData(1001, 5, "MaxBatchSize")]
    [InlineData(10, -1, "Linger")]
    [InlineData(10, 1001, "Linger")]
    public void Unusable_batch_options_name_the_section_and_setting(int size, int lingerMs, string setting)
    {
        var result = new GroupCommitOptionsValidator().Validate(
            "ClarityConnect:Csi:Push", new GroupCommitOptions { MaxBatchSize = size, Linger = TimeSpan.FromMilliseconds(lingerMs) });

        Assert.True(result.Failed);
        Assert.Contains($"ClarityConnect:Csi:Push:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    // Commits with no linger; the first commit waits until released, so the test decides what arrives meanwhile.
    private static (GroupCommit<int> Batcher, List<IReadOnlyList<int>> Commits, TaskCompletionSource Entered, TaskCompletionSource Release) Gated(int maxBatchSize)
    {
        var commits = new List<IReadOnlyList<int>>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new GroupCommit<int>(async batch =>
        {
            commits.Add(batch);
            entered.TrySetResult();
            await release.Task;
        }, new GroupCommitOptions { MaxBatchSize = maxBatchSize, Linger = TimeSpan.Zero }, TimeProvider.System);
        return (batcher, commits, entered, release);
    }
}
