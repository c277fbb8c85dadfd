using Orleans.Storage;

namespace ClarityConnect.Storage.Tests.Conformance;

/// <summary>
/// What every grain storage profile must do, run against each profile's provider as the silo wires it.
/// Each test works under its own service id, so tests sharing a database never see each other's rows.
/// </summary>
public abstract class GrainStorageConformanceTests
{
    private const string StateName = "state";

    /// <summary>Creates a provider instance on the profile's storage (same file or database on every call).</summary>
    protected abstract Task<IGrainStorage> CreateStorageAsync(string serviceId);

    /// <summary>Throws away what a process keeps between calls (connection pools), as a process restart would.</summary>
    protected abstract Task SimulateProcessRestartAsync();

    [SkippableFact]
    public async Task Reading_a_grain_that_was_never_written_gives_empty_state_and_no_record()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());

        var state = await ReadAsync(storage, TestGrainIds.StringKeyed());

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal(string.Empty, state.State.Name);
    }

    [SkippableFact]
    public async Task Written_state_is_read_back_with_the_etag_of_the_write()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var written = new GrainState<TestState>(Sample("first", 1));

        await storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(storage, grain);

        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        AssertSameState(written.State!, read.State!);
    }

    [SkippableFact]
    public async Task Every_write_gives_a_new_etag_and_the_last_write_wins()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var state = new GrainState<TestState>(Sample("v1", 1));
        var etags = new List<string?>();

        for (var i = 1; i <= 3; i++)
        {
            state.State = Sample($"v{i}", i);
            await storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.Equal(3, etags.Distinct().Count());
        var read = await ReadAsync(storage, grain);
        Assert.Equal("v3", read.State!.Name);
        Assert.Equal(etags[^1], read.ETag);
    }

    [SkippableFact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var first = new GrainState<TestState>(Sample("first", 1));
        await storage.WriteStateAsync(StateName, grain, first);
        var staleCopy = new GrainState<TestState>(Sample("stale", 99), first.ETag);
        first.State = Sample("second", 2);
        await storage.WriteStateAsync(StateName, grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, staleCopy));

        var read = await ReadAsync(storage, grain);
        Assert.Equal("second", read.State!.Name);
        Assert.Equal(first.ETag, read.ETag);
    }

    [SkippableFact]
    public async Task A_write_with_an_etag_for_a_grain_that_has_no_record_is_refused()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(Sample("ghost", 1), "7")));

        Assert.False((await ReadAsync(storage, grain)).RecordExists);
    }

    [SkippableFact]
    public async Task A_first_write_is_refused_when_another_writer_created_the_record_meanwhile()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        await storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(Sample("winner", 1)));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(Sample("loser", 2))));

        Assert.Equal("winner", (await ReadAsync(storage, grain)).State!.Name);
    }

    [SkippableFact]
    public async Task Of_two_concurrent_first_writes_to_one_grain_exactly_one_succeeds()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var attempts = Enumerable.Range(0, 8)
            .Select(i => CatchConflictAsync(storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(Sample($"writer-{i}", i)))))
            .ToArray();

        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(succeeded => succeeded));
        Assert.StartsWith("writer-", (await ReadAsync(storage, grain)).State!.Name, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Clearing_removes_the_state_and_a_later_write_with_the_new_etag_succeeds()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var state = new GrainState<TestState>(Sample("to-clear", 5));
        await storage.WriteStateAsync(StateName, grain, state);
        var etagBeforeClear = state.ETag;

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal(string.Empty, state.State!.Name);
        Assert.NotEqual(etagBeforeClear, state.ETag);
        var read = await ReadAsync(storage, grain);
        Assert.False(read.RecordExists);
        Assert.Equal(string.Empty, read.State!.Name);

        read.State = Sample("after-clear", 6);
        await storage.WriteStateAsync(StateName, grain, read);
        Assert.Equal("after-clear", (await ReadAsync(storage, grain)).State!.Name);
    }

    [SkippableFact]
    public async Task Clearing_with_a_stale_etag_is_refused_and_keeps_the_state()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var state = new GrainState<TestState>(Sample("v1", 1));
        await storage.WriteStateAsync(StateName, grain, state);
        var stale = new GrainState<TestState>(new TestState(), state.ETag);
        state.State = Sample("v2", 2);
        await storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        Assert.Equal("v2", (await ReadAsync(storage, grain)).State!.Name);
    }

    [SkippableFact]
    public async Task An_etag_from_before_a_clear_cannot_overwrite_the_state_written_after_it()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var owner = new GrainState<TestState>(Sample("v1", 1));
        await storage.WriteStateAsync(StateName, grain, owner);
        var stale = new GrainState<TestState>(Sample("stale", 0), owner.ETag);
        await storage.ClearStateAsync(StateName, grain, owner);
        owner.State = Sample("after-clear", 2);
        await storage.WriteStateAsync(StateName, grain, owner);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, stale));

        Assert.Equal("after-clear", (await ReadAsync(storage, grain)).State!.Name);
    }

    [SkippableFact]
    public async Task A_large_state_round_trips_intact()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var blob = new byte[4 * 1024 * 1024];
        new Random(42).NextBytes(blob);
        var state = new GrainState<TestState>(new TestState
        {
            Name = new string('x', 100_000),
            Tags = Enumerable.Range(0, 5_000).Select(i => $"tag-{i}").ToList(),
            Blob = blob,
        });

        await storage.WriteStateAsync(StateName, grain, state);
        var read = await ReadAsync(storage, grain);

        AssertSameState(state.State!, read.State!);
    }

    [SkippableFact]
    public async Task Concurrent_writers_to_different_grains_all_succeed()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grains = Enumerable.Range(0, 16).Select(_ => TestGrainIds.StringKeyed()).ToArray();

        await Task.WhenAll(grains.Select(async (grain, index) =>
        {
            var state = new GrainState<TestState>(Sample($"grain-{index}", 0));
            for (var write = 1; write <= 10; write++)
            {
                state.State = Sample($"grain-{index}", write);
                await storage.WriteStateAsync(StateName, grain, state);
            }
        }));

        for (var index = 0; index < grains.Length; index++)
        {
            var read = await ReadAsync(storage, grains[index]);
            Assert.Equal($"grain-{index}", read.State!.Name);
            Assert.Equal(10, read.State.Counter);
        }
    }

    [SkippableFact]
    public async Task State_written_before_a_restart_is_read_by_a_new_provider_instance()
    {
        var serviceId = TestGrainIds.NewServiceId();
        var grain = TestGrainIds.StringKeyed();
        var beforeRestart = await CreateStorageAsync(serviceId);
        var written = new GrainState<TestState>(Sample("durable", 42));
        await beforeRestart.WriteStateAsync(StateName, grain, written);

        await SimulateProcessRestartAsync();
        var afterRestart = await CreateStorageAsync(serviceId);
        var read = await ReadAsync(afterRestart, grain);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        AssertSameState(written.State!, read.State!);

        read.State = Sample("durable", 43);
        await afterRestart.WriteStateAsync(StateName, grain, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => beforeRestart.WriteStateAsync(StateName, grain, written));
    }

    [SkippableFact]
    public async Task Grains_of_different_types_with_the_same_key_and_state_name_keep_separate_state()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var key = $"shared-{Guid.NewGuid():N}";
        var session = GrainId.Create("test-session", key);
        var agent = GrainId.Create("test-agent", key);

        await storage.WriteStateAsync(StateName, session, new GrainState<TestState>(Sample("session", 1)));
        await storage.WriteStateAsync(StateName, agent, new GrainState<TestState>(Sample("agent", 2)));

        Assert.Equal("session", (await ReadAsync(storage, session)).State!.Name);
        Assert.Equal("agent", (await ReadAsync(storage, agent)).State!.Name);
    }

    [SkippableFact]
    public async Task Two_named_states_of_one_grain_are_stored_apart()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();

        await storage.WriteStateAsync("profile", grain, new GrainState<TestState>(Sample("profile", 1)));
        await storage.WriteStateAsync("outbox", grain, new GrainState<TestState>(Sample("outbox", 2)));

        Assert.Equal("profile", (await ReadAsync(storage, grain, "profile")).State!.Name);
        Assert.Equal("outbox", (await ReadAsync(storage, grain, "outbox")).State!.Name);
    }

    [SkippableFact]
    public async Task Guid_integer_and_extended_keys_each_get_their_own_state()
    {
        var storage = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var grains = new[]
        {
            TestGrainIds.GuidKeyed(),
            TestGrainIds.GuidKeyed(),
            TestGrainIds.IntegerKeyed(42),
            TestGrainIds.IntegerKeyed(42, "north"),
            TestGrainIds.IntegerKeyed(42, "south"),
            TestGrainIds.IntegerKeyed(-7),
        };

        for (var i = 0; i < grains.Length; i++)
        {
            await storage.WriteStateAsync(StateName, grains[i], new GrainState<TestState>(Sample($"grain-{i}", i)));
        }

        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal($"grain-{i}", (await ReadAsync(storage, grains[i])).State!.Name);
        }
    }

    [SkippableFact]
    public async Task Rows_of_another_service_are_invisible()
    {
        var grain = TestGrainIds.StringKeyed();
        var serviceA = await CreateStorageAsync(TestGrainIds.NewServiceId());
        var serviceB = await CreateStorageAsync(TestGrainIds.NewServiceId());

        await serviceA.WriteStateAsync(StateName, grain, new GrainState<TestState>(Sample("service-a", 1)));

        Assert.False((await ReadAsync(serviceB, grain)).RecordExists);
    }

    private static async Task<GrainState<TestState>> ReadAsync(IGrainStorage storage, GrainId grain, string stateName = StateName)
    {
        var state = new GrainState<TestState>();
        await storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    private static async Task<bool> CatchConflictAsync(Task write)
    {
        try
        {
            await write;
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private static TestState Sample(string name, int counter) => new()
    {
        Name = name,
        Counter = counter,
        Tags = [$"tag-{counter}", "common"],
        Blob = [1, 2, 3, (byte)counter],
    };

    private static void AssertSameState(TestState expected, TestState actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Counter, actual.Counter);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Blob, actual.Blob);
    }
}
