using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Grains.Listings;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The whole fan-out of change events, in one place:
/// <code>
/// SessionGrain, AgentGrain          ChangeEventSourceGrain: the transition and its event in one state write (outbox)
///   └─ "changes" memory stream      key session/{id} or agent/{id}; every consumer subscribes implicitly
///        ├─ CsiPusherGrain   "csi"  → CsiPushHandler         Virtual Observer events and ACD statistics (per-silo batch)
///                                   → CsiUploadStarter       a completed session's recordings and transcript to CSI's FTP
///        └─ CrmExporterGrain "crm"  → CrmExportHandler       the export of a completed session to its CRM record
///                                   → SessionListingHandler  the session's line in the admin listing
/// </code>
/// A consumer grain runs the handlers registered under its name, in this order, then acknowledges to the event's
/// <see cref="Abstractions.Events.ChangeEvent.Source"/>, which redelivers until every consumer in
/// <see cref="ChangeConsumers.All"/> has acknowledged.
/// </summary>
public static class ChangeEventRouting
{
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
