using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Agents;
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

    private async Task HandledAsync(string agentId, long sequence)
    {
        var key = ChangeStreams.AgentKey(agentId);
        await Eventually.TrueAsync(() => StreamConsumers.HandledAsync(fixture.Grains, key, sequence, atLeast: false),
            $"every consumer of {key} handled event {sequence}");
    }

    // The row of the agent's redelivery reminder (its start and version change with every registration), or null.
    private async Task<(long StartAt, long Version)?> ReminderRowAsync(string agentId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, SqliteStorageOptions.DefaultDatabaseFileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT start_at_ticks, version FROM reminders WHERE service_id = $service AND grain_id = $grain;";
        command.Parameters.AddWithValue("$service", fixture.Cluster.Options.ServiceId);
        command.Parameters.AddWithValue("$grain", $"{AgentGrain.GrainTypeName}/{agentId}");
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }
}
