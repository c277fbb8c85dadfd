using System.Collections.Concurrent;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Agents;
using ClarityConnect.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// A change whose state write succeeded while registering its redelivery reminder failed (the reminder table was
/// unreachable, as while a dead silo's reminder range moves): the change stands, and the event is still redelivered
/// when its first delivery was lost, although nothing calls the entity again.
/// </summary>
public sealed class ReminderRegistrationFailureTests : IAsyncLifetime
{
    private readonly FailingReminderClusterFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task An_event_committed_while_its_reminder_could_not_be_registered_is_still_redelivered_and_the_reminder_registered_later()
    {
        var agentId = "unarmed-" + Guid.NewGuid().ToString("n")[..8];
        var key = ChangeStreams.AgentKey(agentId);
        var grainId = $"{AgentGrain.GrainTypeName}/{agentId}";
        FailingReminderTable.FailNextRegistration(grainId);
        RecordingChangeHandler.FailNextAttempt(ChangeConsumers.Csi, key, 1);

        await _fixture.Grains.GetGrain<IAgentGrain>(agentId).SetStatusAsync(AgentStatus.Available);
        Assert.False(FailingReminderTable.FailureArmed(grainId));
        Assert.Equal(AgentStatus.Available, (await _fixture.Grains.GetGrain<IAgentGrain>(agentId).GetAsync()).Status);

        // Nothing calls the agent again: only the agent itself can bring back the event its CSI consumer failed on.
        await Eventually.TrueAsync(
            async () => (await _fixture.Grains.GetGrain<ICsiPusherGrain>(key).GetProgressAsync()).HandledSequence == 1,
            "the event is redelivered to the CSI consumer");
        Assert.Equal([1L], RecordingChangeHandler.HandledBy(ChangeConsumers.Csi, key).Select(e => e.Sequence));
        await Eventually.TrueAsync(() => Task.FromResult(FailingReminderTable.Registered(grainId)),
            "the redelivery reminder is registered once the table answers again");
    }

    internal sealed class FailingReminderClusterFixture : CoreClusterFixture
    {
        protected override void AddConfigurators(TestClusterBuilder builder)
        {
            base.AddConfigurators(builder);
            builder.AddSiloBuilderConfigurator<FailingReminderTableConfigurator>();
        }
    }

    private sealed class FailingReminderTableConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var table = silo.Services.Last(d => d.ServiceType == typeof(IReminderTable));
            silo.Services.AddSingleton<IReminderTable>(services =>
                new FailingReminderTable((IReminderTable)(table.ImplementationFactory?.Invoke(services) ?? table.ImplementationInstance
                    ?? ActivatorUtilities.CreateInstance(services, table.ImplementationType!))));
        }
    }

    /// <summary>The silo's reminder table, made to refuse one registration of a chosen grain.</summary>
    internal sealed class FailingReminderTable(IReminderTable table) : IReminderTable
    {
        private static readonly ConcurrentDictionary<string, bool> FailOnce = new();
        private static readonly ConcurrentDictionary<string, bool> Upserted = new();

        public static void FailNextRegistration(string grainId) => FailOnce[grainId] = true;

        public static bool FailureArmed(string grainId) => FailOnce.ContainsKey(grainId);

        public static bool Registered(string grainId) => Upserted.ContainsKey(grainId);

        public Task StartAsync(CancellationToken cancellationToken = default) => table.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken = default) => table.StopAsync(cancellationToken);

        public Task<ReminderTableData> ReadRows(GrainId grainId) => table.ReadRows(grainId);

        public Task<ReminderTableData> ReadRows(uint begin, uint end) => table.ReadRows(begin, end);

        public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => table.ReadRow(grainId, reminderName);

        public async Task<string?> UpsertRow(ReminderEntry entry)
        {
            var grainId = entry.GrainId.ToString();
            if (FailOnce.TryRemove(grainId, out _))
            {
                throw new TimeoutException("simulated: the reminder table did not answer");
            }

            var etag = await table.UpsertRow(entry);
            Upserted[grainId] = true;
            return etag;
        }

        public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => table.RemoveRow(grainId, reminderName, eTag);

        public Task TestOnlyClearTable() => table.TestOnlyClearTable();
    }
}
