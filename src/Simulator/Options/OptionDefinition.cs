namespace ClarityConnect.Simulator.Options;

/// <summary>One command-line option: its name, the <see cref="SimulatorOptions"/> property it sets, and its help text.</summary>
/// <param name="Name">The option as typed, e.g. <c>--sessions</c>.</param>
/// <param name="Property">The <see cref="SimulatorOptions"/> property (and configuration key) it sets.</param>
/// <param name="Kind">The kind of value it takes.</param>
/// <param name="ValueName">The placeholder shown in the help, e.g. <c>N</c>.</param>
/// <param name="Description">The help text, with the default.</param>
public sealed record OptionDefinition(string Name, string Property, OptionValueKind Kind, string ValueName, string Description)
{
    /// <summary>The full configuration key, e.g. <c>ClarityConnect:Simulator:Sessions</c>.</summary>
    public string ConfigurationKey => $"{SimulatorOptions.SectionName}:{Property}";

    /// <summary>The environment variable that sets the option, e.g. <c>ClarityConnect__Simulator__Sessions</c>.</summary>
    public string EnvironmentVariable => ConfigurationKey.Replace(":", "__", StringComparison.Ordinal);
}
