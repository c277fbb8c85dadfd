namespace ClarityConnect.Abstractions.Integrations;

/// <summary>One step of a connection test.</summary>
[GenerateSerializer, Immutable]
public sealed record ConnectionTestStep
{
    /// <summary>The step: <c>settings</c>, <c>authorization</c>, <c>api</c>, <c>http</c> or <c>ftp</c>.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Passed, failed or skipped.</summary>
    [Id(1)] public ConnectionTestOutcome Outcome { get; init; }

    /// <summary>What happened, in words for an administrator; never a secret.</summary>
    [Id(2)] public required string Message { get; init; }

    /// <summary>How long the step took, in milliseconds.</summary>
    [Id(3)] public long ElapsedMilliseconds { get; init; }
}
