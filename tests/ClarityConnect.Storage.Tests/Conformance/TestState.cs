namespace ClarityConnect.Storage.Tests.Conformance;

/// <summary>Grain state stored by the conformance tests.</summary>
[GenerateSerializer]
public sealed class TestState
{
    [Id(0)]
    public string Name { get; set; } = string.Empty;

    [Id(1)]
    public int Counter { get; set; }

    [Id(2)]
    public List<string> Tags { get; set; } = [];

    [Id(3)]
    public byte[] Blob { get; set; } = [];
}
