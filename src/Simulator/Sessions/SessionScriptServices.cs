using ClarityConnect.Simulator.Agents;
using ClarityConnect.Simulator.Calls;
using ClarityConnect.Simulator.Reporting;

namespace ClarityConnect.Simulator.Sessions;

/// <summary>What every <see cref="SessionScript"/> of a run shares.</summary>
/// <param name="Agents">The agent pool.</param>
/// <param name="Caller">Makes and times the grain calls.</param>
/// <param name="Recovery">How long to keep re-reading a session after a failed call.</param>
/// <param name="Errors">Where problems are reported.</param>
/// <param name="Think">The pauses between steps.</param>
/// <param name="AgentWaits">Records how long sessions waited for a free agent.</param>
public sealed record SessionScriptServices(
    AgentPool Agents, GrainCaller Caller, RecoveryPolicy Recovery, ErrorLog Errors, ThinkTime Think, LatencyRecorder AgentWaits);
