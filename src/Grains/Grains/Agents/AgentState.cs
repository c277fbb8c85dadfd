using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Agents;

/// <summary>The stored state of an <see cref="AgentGrain"/>.</summary>
[GenerateSerializer]
public sealed class AgentState : IHasChangeOutbox
{
    [Id(0)] public AgentStatus Status { get; set; } = AgentStatus.LoggedOut;
    [Id(1)] public string? SessionId { get; set; }
    [Id(2)] public CallerContext? CallerContext { get; set; }
    [Id(3)] public List<AgentTransition> RecentHistory { get; set; } = [];
    [Id(4)] public ChangeOutbox Outbox { get; set; } = new();
}
