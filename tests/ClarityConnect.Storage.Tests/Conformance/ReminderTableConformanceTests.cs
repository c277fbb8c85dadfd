namespace ClarityConnect.Storage.Tests.Conformance;

/// <summary>
/// What every reminder table profile must do. Each test works under its own service id, so tests sharing a
/// database never see each other's rows.
/// </summary>
public abstract class ReminderTableConformanceTests
{
    /// <summary>Creates a started reminder table on the profile's storage (same file or database on every call).</summary>
    protected abstract Task<IReminderTable> CreateTableAsync(string serviceId);

    /// <summary>Throws away what a process keeps between calls (connection pools), as a process restart would.</summary>
    protected abstract Task SimulateProcessRestartAsync();

    [SkippableFact]
    public async Task An_upserted_reminder_is_read_back_with_its_etag()
    {
        var table = await CreateTableAsync(TestGrainIds.NewServiceId());
        var entry = Entry(TestGrainIds.StringKeyed(), "follow-up", TimeSpan.FromMinutes(5));

        var etag = await table.UpsertRow(entry);
        var read = await table.ReadRow(entry.GrainId, "follow-up");

        Assert.NotNull(etag);
        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        AssertSameReminder(entry, read);
    }

    [SkippableFact]
    public async Task A_reminder_that_was_never_registered_reads_as_null()
    {
        var table = await CreateTableAsync(TestGrainIds.NewServiceId());

        Assert.Null(await table.ReadRow(TestGrainIds.StringKeyed(), "nothing"));
        Assert.Empty((await table.ReadRows(TestGrainIds.StringKeyed())).Reminders);
    }

    [SkippableFact]
    public async Task Upserting_an_existing_reminder_replaces_it_and_changes_the_etag()
    {
        var table = await CreateTableAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var firstEtag = await table.UpsertRow(Entry(grain, "retry-export", TimeSpan.FromMinutes(1)));
        var replacement = Entry(grain, "retry-export", TimeSpan.FromMinutes(10), new DateTime(2031, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc));

        var secondEtag = await table.UpsertRow(replacement);
        var read = await table.ReadRow(grain, "retry-export");

        Assert.NotEqual(firstEtag, secondEtag);
        Assert.Equal(secondEtag, read!.ETag);
        AssertSameReminder(replacement, read);
        Assert.Single((await table.ReadRows(grain)).Reminders);
    }

    [SkippableFact]
    public async Task Reading_by_grain_returns_that_grains_reminders_only()
    {
        var table = await CreateTableAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var other = TestGrainIds.StringKeyed();
        await table.UpsertRow(Entry(grain, "a", TimeSpan.FromMinutes(1)));
        await table.UpsertRow(Entry(grain, "b", TimeSpan.FromMinutes(2)));
        await table.UpsertRow(Entry(other, "a", TimeSpan.FromMinutes(3)));

        var rows = (await table.ReadRows(grain)).Reminders;

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [SkippableFact]
    public async Task Reading_a_hash_range_returns_the_reminders_in_it_including_wrap_around()
    {
        var table = await CreateTableAsync(TestGrainIds.NewServiceId());
        var grains = Enumerable.Range(0, 64).Select(_ => TestGrainIds.StringKeyed()).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var median = hashes[hashes.Count / 2];
        var ranges = new (uint Begin, uint End)[]
        {
            (0, uint.MaxValue),                    // everything but hash 0
            (0x1000_0000, 0x6000_0000),            // plain range, positive as signed
            (0x7000_0000, 0x9000_0000),            // crosses the signed boundary without wrapping
            (0xA000_0000, 0xF000_0000),            // plain range, negative as signed
            (0xF000_0000, 0x1000_0000),            // wraps around zero
            (0x9000_0000, 0x7000_0000),            // wraps, crossing the signed boundary too
            (median, median),                      // begin == end: the whole ring
            (hashes[10], hashes[20]),              // begin excluded, end included
            (hashes[50], hashes[5]),               // wrapping with exact bounds
        };

        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order(StringComparer.Ordinal);
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(actual), $"range ({begin:X8}, {end:X8}] returned the wrong reminders");
        }
    }

    [SkippableFact]
    public async Task Removing_with_a_stale_etag_is_refused_and_keeps_the_reminder()
    {
        var table = await CreateTableAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var staleEtag = await table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        await table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(2)));

        Assert.False(await table.RemoveRow(grain, "tick", staleEtag!));

        Assert.NotNull(await table.ReadRow(grain, "tick"));
    }

    [SkippableFact]
    public async Task Removing_with_the_current_etag_deletes_the_reminder()
    {
        var table = await CreateTableAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        var etag = await table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        await table.UpsertRow(Entry(grain, "other", TimeSpan.FromMinutes(1)));

        Assert.True(await table.RemoveRow(grain, "tick", etag!));

        Assert.Null(await table.ReadRow(grain, "tick"));
        Assert.NotNull(await table.ReadRow(grain, "other"));
        Assert.False(await table.RemoveRow(grain, "tick", etag!));
    }

    [SkippableFact]
    public async Task Start_time_and_long_periods_round_trip()
    {
        var table = await CreateTableAsync(TestGrainIds.NewServiceId());
        var entry = Entry(TestGrainIds.GuidKeyed(), "monthly", TimeSpan.FromDays(40), new DateTime(2030, 12, 31, 23, 59, 58, 999, DateTimeKind.Utc));

        await table.UpsertRow(entry);

        AssertSameReminder(entry, (await table.ReadRow(entry.GrainId, "monthly"))!);
    }

    [SkippableFact]
    public async Task Reminders_registered_before_a_restart_are_read_by_a_new_table_instance()
    {
        var serviceId = TestGrainIds.NewServiceId();
        var grain = TestGrainIds.IntegerKeyed(7, "queue");
        var entry = Entry(grain, "durable", TimeSpan.FromMinutes(3));
        var etag = await (await CreateTableAsync(serviceId)).UpsertRow(entry);

        await SimulateProcessRestartAsync();
        var afterRestart = await CreateTableAsync(serviceId);

        var read = await afterRestart.ReadRow(grain, "durable");
        Assert.Equal(etag, read!.ETag);
        AssertSameReminder(entry, read);
        Assert.Single((await afterRestart.ReadRows(0, 0)).Reminders);
    }

    [SkippableFact]
    public async Task Clearing_the_table_removes_this_services_reminders_only()
    {
        var mine = await CreateTableAsync(TestGrainIds.NewServiceId());
        var others = await CreateTableAsync(TestGrainIds.NewServiceId());
        var grain = TestGrainIds.StringKeyed();
        await mine.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        await others.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));

        await mine.TestOnlyClearTable();

        Assert.Empty((await mine.ReadRows(0, 0)).Reminders);
        Assert.NotNull(await others.ReadRow(grain, "tick"));
    }

    private static bool InRange(uint hash, uint begin, uint end)
        => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period, DateTime? startAt = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        Period = period,
        // Whole milliseconds: PostgreSQL keeps microseconds, and the providers promise no more than that.
        StartAt = startAt ?? new DateTime(2030, 6, 1, 12, 30, 15, 250, DateTimeKind.Utc),
    };

    private static void AssertSameReminder(ReminderEntry expected, ReminderEntry actual)
    {
        Assert.Equal(expected.GrainId, actual.GrainId);
        Assert.Equal(expected.ReminderName, actual.ReminderName);
        Assert.Equal(expected.Period, actual.Period);
        Assert.Equal(expected.StartAt, actual.StartAt.ToUniversalTime());
    }
}
