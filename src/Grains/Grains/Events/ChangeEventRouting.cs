using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Grains.Listings;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The whole fan-out of change events, in one place:
/// <code>
/// SessionGrain, AgentGrain          ChangeEventSourceGrain: the transition and its event in one state write (outbox)
///   └─ "changes" memory stream      a namespace per entity kind, key session/{id} or agent/{id}
///        namespace "changes.session"  (ChangeStreams.SessionNamespace)
///        ├─ CsiPusherGrain   "csi"  → CsiPushHandler         Virtual Observer events and ACD statistics (per-silo batch)
///        │                          → CsiUploadStarter       a completed session's recordings and transcript to CSI's FTP
///        └─ CrmExporterGrain "crm"  → CrmExportHandler       the export of a completed session to its CRM record
///                                   → SessionListingHandler  the session's line in the admin listing
///        namespace "changes.agent"    (ChangeStreams.AgentNamespace)
///        └─ CsiPusherGrain   "csi"  → CsiPushHandler         agent states for Virtual Observer and the ACD statistics
/// </code>
/// A consumer grain subscribes implicitly to the namespaces of the kinds it handles (its
/// <c>[ImplicitStreamSubscription]</c> attributes say what <see cref="ConsumersOf"/> says), runs the handlers registered
/// under its name, in this order, then acknowledges to the event's <see cref="Abstractions.Events.ChangeEvent.Source"/>,
/// which redelivers until every consumer of its kind has acknowledged.
/// </summary>
public static class ChangeEventRouting
{
    // The CRM exporter's handlers act on sessions only: agent events reaching it would cost a delivery and an
    // acknowledgement each for nothing, and hold the agent's outbox until it acknowledged.
    private static readonly IReadOnlyList<string> SessionConsumers = [ChangeConsumers.Csi, ChangeConsumers.Crm];
    private static readonly IReadOnlyList<string> AgentConsumers = [ChangeConsumers.Csi];

    /// <summary>
    /// The consumers that receive the events of <paramref name="streamNamespace"/> (<see cref="ChangeStreams"/>): a
    /// producer forgets an event once exactly these have acknowledged it.
    /// </summary>
    public static IReadOnlyList<string> ConsumersOf(string streamNamespace) => streamNamespace switch
    {
        ChangeStreams.SessionNamespace => SessionConsumers,
        ChangeStreams.AgentNamespace => AgentConsumers,
        _ => throw new ArgumentException($"No change-event consumers are routed for the stream namespace '{streamNamespace}'.", nameof(streamNamespace)),
    };

    /// <summary>The stream keyed <paramref name="streamKey"/>, in its kind's namespace (<see cref="ChangeStreams.NamespaceOf"/>).</summary>
    public static StreamId StreamOf(string streamKey) => StreamId.Create(ChangeStreams.NamespaceOf(streamKey), streamKey);

    /// <summary>Registers each handler for the consumer that runs it.</summary>
    public static IServiceCollection AddChangeEventRouting(this IServiceCollection services)
    {
        services.AddChangeEventHandler<CsiPushHandler>(ChangeConsumers.Csi);
        // Its own handler, not a part of the push batch: a session's upload holds up that session's pusher only.
        services.AddChangeEventHandler<CsiUploadStarter>(ChangeConsumers.Csi);
        services.AddChangeEventHandler<CrmExportHandler>(ChangeConsumers.Crm);
        // The listing rides on the CRM consumer, which already receives every session event in order: a third
        // consumer would add an activation per session for one upsert.
        services.AddChangeEventHandler<SessionListingHandler>(ChangeConsumers.Crm);
        return services;
    }

    /// <summary>Adds <typeparamref name="THandler"/> to the handlers <paramref name="consumer"/> runs (<see cref="ChangeConsumers"/>).</summary>
    public static IServiceCollection AddChangeEventHandler<THandler>(this IServiceCollection services, string consumer)
        where THandler : class, IChangeEventHandler =>
        services.AddKeyedSingleton<IChangeEventHandler, THandler>(consumer);

    /// <summary>Adds <paramref name="handler"/> to the handlers <paramref name="consumer"/> runs (<see cref="ChangeConsumers"/>).</summary>
    public static IServiceCollection AddChangeEventHandler(this IServiceCollection services, string consumer, IChangeEventHandler handler) =>
        services.AddKeyedSingleton(consumer, handler);
}
