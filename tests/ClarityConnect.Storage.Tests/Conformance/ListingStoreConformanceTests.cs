using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Listings;

namespace ClarityConnect.Storage.Tests.Conformance;

/// <summary>What every storage profile's session and export listing must do.</summary>
public abstract class ListingStoreConformanceTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A store over the profile's database for <paramref name="serviceId"/>.</summary>
    protected abstract Task<IListingStore> CreateStoreAsync(string serviceId);

    /// <summary>A store whose database cannot be reached (the profile's way of a database that is down).</summary>
    protected abstract Task<IListingStore> CreateUnreachableStoreAsync(string serviceId);

    [SkippableFact]
    public async Task A_later_change_wins_an_earlier_one_is_ignored_and_the_start_time_stays()
    {
        var store = await CreateStoreAsync(TestGrainIds.NewServiceId());
        await store.RecordSessionsAsync([Session("s1", 1, SessionStatus.New, Noon)], default);
        await store.RecordSessionsAsync([Session("s1", 3, SessionStatus.Active, Noon.AddMinutes(2), queue: "Sales", agent: "a1")], default);
        await store.RecordSessionsAsync([Session("s1", 2, SessionStatus.Ringing, Noon.AddMinutes(1), queue: "Sales")], default);
        await store.RecordSessionsAsync([Session("s1", 3, SessionStatus.Active, Noon.AddMinutes(2), queue: "Sales", agent: "a1")], default);

        var line = Assert.Single((await store.ListSessionsAsync(new SessionQuery(), default)).Items);
        Assert.Equal(SessionStatus.Active, line.Status);
        Assert.Equal(3, line.Sequence);
        Assert.Equal("a1", line.AgentId);
        Assert.Equal(Noon, line.StartedAt);
        Assert.Equal(Noon.AddMinutes(2), line.UpdatedAt);
    }

    [SkippableFact]
    public async Task Sessions_filter_page_and_sort_latest_first()
    {
        var store = await CreateStoreAsync(TestGrainIds.NewServiceId());
        for (var i = 0; i < 5; i++)
        {
            await store.RecordSessionsAsync([Session($"v{i}", 1, i % 2 == 0 ? SessionStatus.Completed : SessionStatus.Queued, Noon.AddMinutes(i), queue: "Sales")], default);
        }

        await store.RecordSessionsAsync([Session("c0", 1, SessionStatus.Queued, Noon.AddMinutes(10), queue: "Support", channel: SessionChannel.Chat)], default);

        var all = await store.ListSessionsAsync(new SessionQuery(), default);
        Assert.Equal(["c0", "v4", "v3", "v2", "v1", "v0"], all.Items.Select(s => s.SessionId));
        Assert.Equal(6, all.Total);

        var page = await store.ListSessionsAsync(new SessionQuery { Queue = "Sales", Offset = 1, Limit = 2 }, default);
        Assert.Equal(["v3", "v2"], page.Items.Select(s => s.SessionId));
        Assert.Equal(5, page.Total);

        var completed = await store.ListSessionsAsync(new SessionQuery { Status = SessionStatus.Completed, StartedFrom = Noon.AddMinutes(1), StartedBefore = Noon.AddMinutes(4) }, default);
        Assert.Equal(["v2"], completed.Items.Select(s => s.SessionId));

        var chats = await store.ListSessionsAsync(new SessionQuery { Channel = SessionChannel.Chat }, default);
        Assert.Equal(["c0"], chats.Items.Select(s => s.SessionId));
    }

    [SkippableFact]
    public async Task Filter_values_are_values_never_sql()
    {
        var store = await CreateStoreAsync(TestGrainIds.NewServiceId());
        await store.RecordSessionsAsync([Session("o'brien", 1, SessionStatus.Queued, Noon, queue: "x' OR '1'='1")], default);
        await store.RecordSessionsAsync([Session("other", 1, SessionStatus.Queued, Noon, queue: "Sales")], default);

        Assert.Empty((await store.ListSessionsAsync(new SessionQuery { Queue = "' OR '1'='1" }, default)).Items);
        var hostile = await store.ListSessionsAsync(new SessionQuery { Queue = "x' OR '1'='1" }, default);
        Assert.Equal(["o'brien"], hostile.Items.Select(s => s.SessionId));
    }

    [SkippableFact]
    public async Task Each_service_sees_only_its_own_lines()
    {
        var service = TestGrainIds.NewServiceId();
        await (await CreateStoreAsync(service)).RecordSessionsAsync([Session("mine", 1, SessionStatus.New, Noon)], default);
        await (await CreateStoreAsync(TestGrainIds.NewServiceId())).RecordSessionsAsync([Session("theirs", 1, SessionStatus.New, Noon)], default);

        var page = await (await CreateStoreAsync(service)).ListSessionsAsync(new SessionQuery(), default);
        Assert.Equal(["mine"], page.Items.Select(s => s.SessionId));
    }

    [SkippableFact]
    public async Task Exports_are_upserted_and_listed_by_state_and_target()
    {
        var store = await CreateStoreAsync(TestGrainIds.NewServiceId());
        await store.RecordExportsAsync([Export("salesforce", "s1", ExportState.Pending, 0, null, Noon)], default);
        await store.RecordExportsAsync([Export("salesforce", "s1", ExportState.Failed, 4, "HTTP 503 from Salesforce", Noon.AddMinutes(5))], default);
        await store.RecordExportsAsync([Export("csi", "s1", ExportState.Done, 1, null, Noon.AddMinutes(1))], default);
        await store.RecordExportsAsync([Export("dynamics", "s2", ExportState.Failed, 4, "invalid_grant", Noon.AddMinutes(2))], default);

        var failed = await store.ListExportsAsync(new ExportQuery { State = ExportState.Failed }, default);
        Assert.Equal([("salesforce", "s1"), ("dynamics", "s2")], failed.Items.Select(e => (e.Target, e.SessionId)));
        var salesforce = failed.Items[0];
        Assert.Equal(4, salesforce.Attempts);
        Assert.Equal("HTTP 503 from Salesforce", salesforce.LastError);
        Assert.Equal(Noon, salesforce.CreatedAt);

        var session = await store.ListExportsAsync(new ExportQuery { SessionId = "s1", Target = "csi" }, default);
        Assert.Equal(ExportState.Done, Assert.Single(session.Items).State);
        Assert.Equal(3, (await store.ListExportsAsync(new ExportQuery(), default)).Total);
    }

    [SkippableFact]
    public async Task One_batch_may_carry_several_changes_of_a_session_and_of_an_export_and_each_line_ends_latest()
    {
        var store = await CreateStoreAsync(TestGrainIds.NewServiceId());
        await store.RecordSessionsAsync([Session("s0", 1, SessionStatus.New, Noon.AddMinutes(-5))], default);
        await store.RecordSessionsAsync(
        [
            Session("s1", 1, SessionStatus.New, Noon),
            Session("s0", 3, SessionStatus.Active, Noon.AddMinutes(1), queue: "Sales", agent: "a0"),
            Session("s1", 3, SessionStatus.Active, Noon.AddMinutes(2), queue: "Sales", agent: "a1"),
            Session("s1", 2, SessionStatus.Ringing, Noon.AddMinutes(1), queue: "Sales"),
            Session("s2", 1, SessionStatus.Queued, Noon.AddMinutes(3), queue: "Support"),
        ], default);
        await store.RecordExportsAsync(
        [
            Export("salesforce", "s1", ExportState.Pending, 0, null, Noon),
            Export("csi", "s1", ExportState.Pending, 0, null, Noon),
            Export("salesforce", "s1", ExportState.Done, 1, null, Noon.AddMinutes(1)),
        ], default);

        var lines = (await store.ListSessionsAsync(new SessionQuery(), default)).Items.ToDictionary(l => l.SessionId);
        Assert.Equal((SessionStatus.Active, 3L, "a1", Noon, Noon.AddMinutes(2)), (lines["s1"].Status, lines["s1"].Sequence, lines["s1"].AgentId, lines["s1"].StartedAt, lines["s1"].UpdatedAt));
        Assert.Equal((SessionStatus.Active, 3L, Noon.AddMinutes(-5)), (lines["s0"].Status, lines["s0"].Sequence, lines["s0"].StartedAt));
        Assert.Equal(SessionStatus.Queued, lines["s2"].Status);
        var exports = (await store.ListExportsAsync(new ExportQuery { SessionId = "s1" }, default)).Items.ToDictionary(e => e.Target);
        Assert.Equal((ExportState.Done, 1), (exports["salesforce"].State, exports["salesforce"].Attempts));
        Assert.Equal(ExportState.Pending, exports["csi"].State);
    }

    [SkippableFact]
    public async Task Ping_answers_when_the_database_does_and_fails_when_it_cannot_be_reached()
    {
        var store = await CreateStoreAsync(TestGrainIds.NewServiceId());
        var unreachable = await CreateUnreachableStoreAsync(TestGrainIds.NewServiceId());

        // Readiness relies on both halves: a ping that never failed would report a dead database as ready.
        Assert.Null(await Record.ExceptionAsync(() => store.PingAsync(default)));
        Assert.NotNull(await Record.ExceptionAsync(() => unreachable.PingAsync(default)));
    }

    [SkippableFact]
    public async Task Queues_are_the_distinct_latest_queues_of_this_services_sessions_in_order()
    {
        var service = TestGrainIds.NewServiceId();
        var store = await CreateStoreAsync(service);
        await store.RecordSessionsAsync([Session("s1", 1, SessionStatus.Queued, Noon, queue: "Support")], default);
        await store.RecordSessionsAsync([Session("s2", 1, SessionStatus.Queued, Noon, queue: "Billing")], default);
        await store.RecordSessionsAsync([Session("s3", 1, SessionStatus.Queued, Noon, queue: "Support")], default);
        await store.RecordSessionsAsync([Session("s4", 1, SessionStatus.New, Noon)], default);
        // A transfer: the session's latest queue replaces the earlier one.
        await store.RecordSessionsAsync([Session("s5", 1, SessionStatus.Queued, Noon, queue: "Transferred away")], default);
        await store.RecordSessionsAsync([Session("s5", 2, SessionStatus.Queued, Noon, queue: "Sales")], default);
        await (await CreateStoreAsync(TestGrainIds.NewServiceId())).RecordSessionsAsync([Session("theirs", 1, SessionStatus.Queued, Noon, queue: "Theirs")], default);

        Assert.Equal(["Billing", "Sales", "Support"], await store.ListQueuesAsync(10, default));
        Assert.Equal(["Billing", "Sales"], await store.ListQueuesAsync(2, default));
    }

    private static SessionSummary Session(
        string id, long sequence, SessionStatus status, DateTimeOffset at, string? queue = null, string? agent = null, SessionChannel channel = SessionChannel.Voice) => new()
    {
        SessionId = id, Sequence = sequence, Status = status, Channel = channel, Queue = queue, AgentId = agent, StartedAt = at, UpdatedAt = at,
    };

    private static ExportSummary Export(string target, string session, ExportState state, int attempts, string? error, DateTimeOffset at) => new()
    {
        Target = target, SessionId = session, State = state, Attempts = attempts, LastError = error, CreatedAt = Noon, UpdatedAt = at,
    };
}
