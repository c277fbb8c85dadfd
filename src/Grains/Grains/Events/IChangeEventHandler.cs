using ClarityConnect.Abstractions.Events;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The work a consumer does with each change event (CSI HTTP push, CRM export). Called once per event in order per
/// entity, but at least once: after a crash an event may come again, so a handler is idempotent by sequence number.
/// </summary>
public interface IChangeEventHandler
{
    /// <summary>The consumer this handler works for (<see cref="ChangeConsumers"/>).</summary>
    string Consumer { get; }

    /// <summary>Handles one event. Throwing leaves the event unacknowledged; it is redelivered.</summary>
    Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken);
}
