namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The outcome of a connection test, step by step.</summary>
[GenerateSerializer, Immutable]
public sealed record ConnectionTestReport
{
    /// <summary>The tested integration.</summary>
    [Id(0)] public required string Integration { get; init; }

    /// <summary>Whether no step failed.</summary>
    [Id(1)] public bool Succeeded { get; init; }

    /// <summary>The steps in the order they ran.</summary>
    [Id(2)] public required IReadOnlyList<ConnectionTestStep> Steps { get; init; }
}
