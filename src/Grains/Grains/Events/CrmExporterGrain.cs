using ClarityConnect.Abstractions.Events;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Events;

/// <summary>Feeds one session's or agent's change events to the CRM exports (Salesforce, Dynamics).</summary>
[ImplicitStreamSubscription(ChangeStreams.Namespace)]
public sealed class CrmExporterGrain(
    [PersistentState("crm-consumer")] IPersistentState<ConsumerState> state,
    IEnumerable<IChangeEventHandler> handlers,
    ILogger<CrmExporterGrain> logger) : ChangeConsumerGrain(state, handlers, logger), ICrmExporterGrain
{
    /// <inheritdoc />
    protected override string ConsumerName => ChangeConsumers.Crm;
}
