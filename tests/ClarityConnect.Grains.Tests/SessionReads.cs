using System.Collections.Concurrent;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// Counts the reads of each session (<see cref="ISessionGrain.GetAsync"/>) in the core test silos by the type of the
/// grain that made them, to show which grain reads a session and how often.
/// </summary>
public sealed class SessionReads : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<(string Session, string Reader), int> Reads = new();

    /// <summary>How often grains of type <paramref name="readerType"/> read session <paramref name="sessionId"/>.</summary>
    public static int By(string sessionId, string readerType) => Reads.GetValueOrDefault((sessionId, readerType));

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(ISessionGrain.GetAsync) && context.TargetId.Type.ToString() == Sessions.SessionGrain.GrainTypeName)
        {
            var reader = context.SourceId is { } source ? source.Type.ToString() : "client";
            Reads.AddOrUpdate((context.TargetId.Key.ToString()!, reader), 1, (_, n) => n + 1);
        }

        return context.Invoke();
    }
}
