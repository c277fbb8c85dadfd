using ClarityConnect.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Events;

/// <summary>Feeds one session's or agent's change events to Virtual Observer (CSI).</summary>
/// <remarks>Subscribes to the kinds <see cref="ChangeEventRouting.ConsumersOf"/> routes to <see cref="ChangeConsumers.Csi"/>.</remarks>
[ImplicitStreamSubscription(ChangeStreams.SessionNamespace)]
[ImplicitStreamSubscription(ChangeStreams.AgentNamespace)]
public sealed class CsiPusherGrain(
    [FromKeyedServices(ChangeConsumers.Csi)] IEnumerable<IChangeEventHandler> handlers,
    IOptions<ChangeEventOptions> options,
    ILogger<CsiPusherGrain> logger) : ChangeConsumerGrain(ChangeConsumers.Csi, handlers, options, logger), ICsiPusherGrain;
