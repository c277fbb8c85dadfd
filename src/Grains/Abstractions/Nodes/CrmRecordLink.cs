namespace ClarityConnect.Abstractions.Nodes;

/// <summary>A CRM record found for a session, as the Agent Console shows it in the Caller Context tab.</summary>
[GenerateSerializer, Immutable]
public sealed record CrmRecordLink
{
    /// <summary>The integration the record came from (<see cref="Integrations.IntegrationNames"/>).</summary>
    [Id(0)] public required string Integration { get; init; }
    /// <summary>The CRM object type (<c>Contact</c>, <c>Account</c>, <c>contact</c>, …).</summary>
    [Id(1)] public required string ObjectType { get; init; }
    /// <summary>The CRM record id.</summary>
    [Id(2)] public required string RecordId { get; init; }
    /// <summary>The record's display name.</summary>
    [Id(3)] public string? Name { get; init; }
    /// <summary>The URL that opens the record in the CRM.</summary>
    [Id(4)] public required Uri Url { get; init; }
    /// <summary>Whether the Agent Console opens the record by itself when the agent accepts the session.</summary>
    [Id(5)] public bool AutoOpenOnAccept { get; init; }
}
