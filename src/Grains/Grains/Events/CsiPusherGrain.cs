using ClarityConnect.Abstractions.Events;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Events;

/// <summary>Feeds one session's or agent's change events to Virtual Observer (CSI).</summary>
[ImplicitStreamSubscription(ChangeStreams.Namespace)]
public sealed class CsiPusherGrain(
    [PersistentState("csi-consumer")] IPersistentState<ConsumerState> state,
    IEnumerable<IChangeEventHandler> handlers,
    ILogger<CsiPusherGrain> logger) : ChangeConsumerGrain(state, handlers, logger), ICsiPusherGrain
{
    /// <inheritdoc />
    protected override string ConsumerName => ChangeConsumers.Csi;
}
