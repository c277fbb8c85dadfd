namespace ClarityConnect.Simulator.Agents;

/// <summary>Thrown to a session waiting for an agent when no agent is left in service, so it fails instead of waiting forever.</summary>
public sealed class NoAgentsLeftException()
    : Exception("no agent is left in service to take the session (see the agent problems above)");
