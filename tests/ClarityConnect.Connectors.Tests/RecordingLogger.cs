using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.Tests;

/// <summary>A logger at every level (Debug included) that keeps each formatted line with its exception, to check what reaches a log.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>Every line so far: the formatted message, then the exception's full text.</summary>
    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>All lines as one text.</summary>
    public string Text => string.Join('\n', lines);

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}
