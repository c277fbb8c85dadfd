using ClarityConnect.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Events;

/// <summary>Feeds one session's or agent's change events to the CRM exports (Salesforce, Dynamics) and the session listing.</summary>
[ImplicitStreamSubscription(ChangeStreams.Namespace)]
public sealed class CrmExporterGrain(
    [FromKeyedServices(ChangeConsumers.Crm)] IEnumerable<IChangeEventHandler> handlers,
    IOptions<ChangeEventOptions> options,
    ILogger<CrmExporterGrain> logger) : ChangeConsumerGrain(ChangeConsumers.Crm, handlers, options, logger), ICrmExporterGrain;
