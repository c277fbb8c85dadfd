namespace ClarityConnect.Simulator.Options;

/// <summary>What the command line asked for.</summary>
/// <param name="HelpRequested">True when <c>--help</c> (or <c>-h</c>, <c>-?</c>) was given.</param>
/// <param name="Settings">The options given, as configuration keys and values (highest precedence).</param>
public sealed record ParsedCommandLine(bool HelpRequested, IReadOnlyDictionary<string, string?> Settings);
