using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Agents;
using ClarityConnect.Grains.Events;
using ClarityConnect.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// The redelivery reminder's durable writes: its period is short (2 s in these tests), but an entity keeps the reminder
/// it registered for <c>ReminderRetention</c> (1 minute), so events that come more than a period apart do not each
/// register and remove one.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RedeliveryReminderTests(CoreClusterFixture fixture)
{
    // Three ticks of the test silos' redelivery period (TestSiloConfigurator): a reminder removed at its first tick
    // with nothing pending would be gone by then.
    private static readonly TimeSpan SeveralTicks = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task An_entity_whose_events_were_acknowledged_keeps_its_reminder_for_the_next_event_instead_of_registering_a_new_one()
    {
        var agentId = "busy-" + Guid.NewGuid().ToString("n")[..8];
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);
        await agent.SetStatusAsync(AgentStatus.Available);
        await HandledAsync(agentId, 1);
        var registered = await ReminderRowAsync(agentId);
        Assert.NotNull(registered);

        // Nothing to wait for here: the point is that nothing happens while the outbox is empty.
        await Task.Delay(SeveralTicks);
        Assert.Equal(registered, await ReminderRowAsync(agentId));

        await agent.SetStatusAsync(AgentStatus.Away);
        await HandledAsync(agentId, 2);
        Assert.Equal(registered, await ReminderRowAsync(agentId));
    }

    // An ended session produces no more events: keeping its reminder for the retention only cost a tick per period.
    [Fact]
    public async Task An_ended_session_whose_events_were_acknowledged_drops_its_reminder_at_the_next_tick_not_after_the_retention()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(Abstractions.Sessions.SessionStatus.Completed);
        var sessionId = session.GetPrimaryKeyString();
        await HandledStreamAsync(ChangeStreams.SessionKey(sessionId), (await session.GetAsync()).EventSequence);

        // Registered with the session's first event; removed well inside the one-minute retention an unended session keeps its reminder for.
        await Eventually.TrueAsync(async () => await ReminderRowAsync(Sessions.SessionGrain.GrainTypeName, sessionId) is null,
            "the ended session's reminder is removed", TimeSpan.FromSeconds(30));
        var source = fixture.Grains.GetGrain<IChangeEventSource>(Orleans.Runtime.GrainId.Create(Sessions.SessionGrain.GrainTypeName, sessionId));
        foreach (var consumer in ChangeConsumers.All)
        {
            Assert.Empty((await source.GetPendingAsync(consumer, 0)).Events);
        }
    }

    private Task HandledAsync(string agentId, long sequence) => HandledStreamAsync(ChangeStreams.AgentKey(agentId), sequence);

    private async Task HandledStreamAsync(string key, long sequence)
    {
        await Eventually.TrueAsync(async () =>
            (await fixture.Grains.GetGrain<ICrmExporterGrain>(key).GetProgressAsync()).HandledSequence == sequence
            && (await fixture.Grains.GetGrain<ICsiPusherGrain>(key).GetProgressAsync()).HandledSequence == sequence,
            $"both consumers handled event {sequence} of {key}");
    }

    // The row of the agent's redelivery reminder (its start and version change with every registration), or null.
    private Task<(long StartAt, long Version)?> ReminderRowAsync(string agentId) => ReminderRowAsync(AgentGrain.GrainTypeName, agentId);

    private async Task<(long StartAt, long Version)?> ReminderRowAsync(string grainType, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, SqliteStorageOptions.DefaultDatabaseFileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT start_at_ticks, version FROM reminders WHERE service_id = $service AND grain_id = $grain;";
        command.Parameters.AddWithValue("$service", fixture.Cluster.Options.ServiceId);
        command.Parameters.AddWithValue("$grain", $"{grainType}/{id}");
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }
}
