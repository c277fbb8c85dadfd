namespace ClarityConnect.Abstractions.Integrations;

/// <summary>One invalid setting.</summary>
[GenerateSerializer, Immutable]
public sealed record SettingError
{
    /// <summary>The setting's name, as in the settings record (e.g. <c>ConsumerKey</c>).</summary>
    [Id(0)] public required string Field { get; init; }
    /// <summary>What is wrong with it.</summary>
    [Id(1)] public required string Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
