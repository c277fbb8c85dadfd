namespace ClarityConnect.Abstractions.Nodes;

/// <summary>The session data "Try node" runs a node with: what a real session would hold when the node runs.</summary>
[GenerateSerializer, Immutable]
public sealed record NodeTrialInput
{
    /// <summary>The caller's number (Customer Lookup, Automatic Detection).</summary>
    [Id(0)] public string? CallerPhoneNumber { get; init; }
    /// <summary>The caller's SIP address.</summary>
    [Id(1)] public string? SipAddress { get; init; }
    /// <summary>The caller ID name.</summary>
    [Id(2)] public string? CallerIdName { get; init; }
    /// <summary>The session's extra items: the value boxes of an Advanced Lookup, the Extra Item Name of a Customer Lookup.</summary>
    [Id(3)] public IReadOnlyDictionary<string, string> ExtraItems { get; init; } = new Dictionary<string, string>();
}
