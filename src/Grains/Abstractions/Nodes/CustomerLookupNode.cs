namespace ClarityConnect.Abstractions.Nodes;

/// <summary>The Salesforce / Ms Dynamics Customer Lookup node. Exits: <see cref="NodeExit.Match"/> or <see cref="NodeExit.NoMatch"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record CustomerLookupNode : IntegrationNode
{
    /// <summary>Automatic Detection or Extra Item Key.</summary>
    [Id(0)] public LookupType LookupType { get; init; }
    /// <summary>With <see cref="LookupType.ExtraItemKey"/>: the extra item whose value is searched for.</summary>
    [Id(1)] public string? ExtraItemName { get; init; }
    /// <summary>With <see cref="LookupType.ExtraItemKey"/>: the CRM field the value is searched against.</summary>
    [Id(2)] public string? SearchParameter { get; init; }
    /// <summary>"Perform Fresh Lookup on Each Call?": when false, a record found for the same caller in an earlier session is reused.</summary>
    [Id(3)] public bool FreshLookupOnEachCall { get; init; } = true;
    /// <summary>How many days back an earlier session's record may be reused when <see cref="FreshLookupOnEachCall"/> is false.</summary>
    [Id(4)] public int DaysToGoBack { get; init; } = 30;
    /// <summary>Open the record in the Agent Console automatically when the agent accepts.</summary>
    [Id(5)] public bool AutoOpenOnAccept { get; init; }
}
