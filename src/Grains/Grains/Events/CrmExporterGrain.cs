using ClarityConnect.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Events;

/// <summary>Feeds one session's change events to the CRM exports (Salesforce, Dynamics) and the session listing.</summary>
/// <remarks>Subscribes to the kinds <see cref="ChangeEventRouting.ConsumersOf"/> routes to <see cref="ChangeConsumers.Crm"/>:
/// sessions only, so an agent's events never activate it.</remarks>
[ImplicitStreamSubscription(ChangeStreams.SessionNamespace)]
public sealed class CrmExporterGrain(
    [FromKeyedServices(ChangeConsumers.Crm)] IEnumerable<IChangeEventHandler> handlers,
    IOptions<ChangeEventOptions> options,
    ILogger<CrmExporterGrain> logger) : ChangeConsumerGrain(ChangeConsumers.Crm, handlers, options, logger), ICrmExporterGrain;
