namespace ClarityConnect.Abstractions.Crm;

/// <summary>The answer to "Validate Query" and to a Customer Lookup node's validation.</summary>
[GenerateSerializer, Immutable]
public sealed record QueryValidation
{
    /// <summary>Whether the CRM accepted the query.</summary>
    [Id(0)] public bool Valid { get; init; }
    /// <summary>The CRM's message (its error text when invalid).</summary>
    [Id(1)] public required string Message { get; init; }
    /// <summary>How many records the query returned with the sample values.</summary>
    [Id(2)] public long RecordCount { get; init; }
    /// <summary>The query text sent, with the sample values substituted and escaped.</summary>
    [Id(3)] public string? Query { get; init; }
}
