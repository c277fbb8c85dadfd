using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Listings;

/// <summary>
/// Keeps the session listing: each session change, once durable at its grain, updates the session's line. The CRM
/// exporter's consumer runs it (<see cref="ChangeEventRouting"/>): it already receives every session event in order
/// and at least once.
/// </summary>
public sealed class SessionListingHandler(IListingStore store) : IChangeEventHandler
{
    /// <inheritdoc />
    public Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken) => change is SessionChanged session
        ? store.RecordSessionAsync(new SessionSummary
        {
            SessionId = session.EntityId,
            Channel = session.Channel,
            Status = session.NewStatus,
            Queue = session.Queue,
            AgentId = session.AgentId,
            // The first change (no old status) is the start; later upserts keep the stored start time.
            StartedAt = session.Time,
            UpdatedAt = session.Time,
            Sequence = session.Sequence,
        }, cancellationToken)
        : Task.CompletedTask;
}
