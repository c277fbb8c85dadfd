namespace ClarityConnect.Simulator.Options;

/// <summary>The kind of value a command-line option takes, checked before the value reaches the configuration.</summary>
public enum OptionValueKind
{
    /// <summary>Any text.</summary>
    Text,
    /// <summary>A whole number.</summary>
    WholeNumber,
    /// <summary>A number between 0 and 1.</summary>
    Share,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
}
