namespace ClarityConnect.Simulator.Sessions;

/// <summary>A queue of the simulated contact center and what its conversations sound like.</summary>
public sealed record QueueProfile
{
    /// <summary>The queue name.</summary>
    public required string Name { get; init; }

    /// <summary>The relative share of sessions that go to this queue.</summary>
    public required double Weight { get; init; }

    /// <summary>Numbers and SIP URIs customers dial to reach this queue, in the formats carriers deliver them.</summary>
    public required IReadOnlyList<string> DialedNumbers { get; init; }

    /// <summary>Why customers contact this queue, for notes and chats.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>Dispositions and sub-dispositions agents pick.</summary>
    public required IReadOnlyList<(string Disposition, string SubDisposition)> Dispositions { get; init; }

    /// <summary>Things customers write in a chat.</summary>
    public required IReadOnlyList<string> CustomerLines { get; init; }

    /// <summary>Things agents write in a chat.</summary>
    public required IReadOnlyList<string> AgentLines { get; init; }
}
