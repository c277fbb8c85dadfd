namespace ClarityConnect.Grains.Csi;

/// <summary>The stored state of an <see cref="AcdIntervalGrain"/>.</summary>
[GenerateSerializer]
public sealed class AcdIntervalState
{
    [Id(0)] public Dictionary<string, AcdCounters> Queues { get; set; } = [];
    [Id(1)] public HashSet<string> Counted { get; set; } = [];
    [Id(2)] public bool Uploaded { get; set; }
    [Id(3)] public string? LastError { get; set; }
}

/// <summary>One queue's counters in one interval.</summary>
[GenerateSerializer]
public sealed class AcdCounters
{
    [Id(0)] public int Offered { get; set; }
    [Id(1)] public int Answered { get; set; }
    [Id(2)] public int Abandoned { get; set; }
    [Id(3)] public TimeSpan TotalAnswerWait { get; set; }
    [Id(4)] public int Handled { get; set; }
    [Id(5)] public TimeSpan TotalHandleTime { get; set; }
    [Id(6)] public TimeSpan LongestWait { get; set; }
    [Id(7)] public int AnsweredWithinThreshold { get; set; }
}
