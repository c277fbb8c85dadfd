using Microsoft.Extensions.Logging;

namespace ClarityConnect.Observability.Tests;

/// <summary>A logger provider that keeps every line with its scopes, for the silos of the test cluster.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    /// <summary>The one instance the test silos log to.</summary>
    public static LogCapture Instance { get; } = new();

    /// <summary>The lines logged so far.</summary>
    public LockedCollection<CapturedLog> Entries { get; } = new();

    /// <summary>The scopes of the logger factory, shared by every logger of the silo.</summary>
    public IExternalScopeProvider Scopes { get; private set; } = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Scopes = scopeProvider;

    public void Dispose()
    {
    }
}
