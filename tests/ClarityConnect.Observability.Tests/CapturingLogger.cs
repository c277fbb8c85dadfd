using Microsoft.Extensions.Logging;

namespace ClarityConnect.Observability.Tests;

/// <summary>Records each line into <see cref="LogCapture"/> with its scopes' properties.</summary>
public sealed class CapturingLogger(string category, LogCapture capture) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture.Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = new Dictionary<string, object?>();
        capture.Scopes.ForEachScope((scope, found) =>
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    found[key] = value;
                }
            }
        }, properties);
        capture.Entries.Add(new CapturedLog(category, formatter(state, exception), properties));
    }
}
