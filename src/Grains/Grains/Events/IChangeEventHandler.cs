using ClarityConnect.Abstractions.Events;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The work a consumer does with each change event (CSI push, CRM export, session listing). Registered for its
/// consumer in <see cref="ChangeEventRouting"/>. Called once per event in order per entity, but at least once: after a
/// crash an event may come again, so a handler is idempotent by sequence number.
/// </summary>
public interface IChangeEventHandler
{
    /// <summary>
    /// Handles one event and returns once what it did is durable: the consumer then lets the producer forget the
    /// event. Throwing leaves the event unacknowledged; it is redelivered.
    /// </summary>
    Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken);
}
