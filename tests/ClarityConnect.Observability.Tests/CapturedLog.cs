namespace ClarityConnect.Observability.Tests;

/// <summary>A log line with the properties of the scopes it was written in.</summary>
public sealed record CapturedLog(string Category, string Message, IReadOnlyDictionary<string, object?> ScopeProperties);
