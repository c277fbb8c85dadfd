using System.CommandLine;

namespace ClarityConnect.Simulator.Options;

/// <summary>One command-line option and the <see cref="SimulatorOptions"/> property (configuration key) it sets.</summary>
/// <param name="Option">The System.CommandLine option: name, value type, help text and value checks.</param>
/// <param name="Property">The <see cref="SimulatorOptions"/> property (and configuration key) it sets.</param>
public sealed record OptionDefinition(Option Option, string Property)
{
    /// <summary>The option as typed, e.g. <c>--sessions</c>.</summary>
    public string Name => Option.Name;

    /// <summary>The full configuration key, e.g. <c>ClarityConnect:Simulator:Sessions</c>.</summary>
    public string ConfigurationKey => $"{SimulatorOptions.SectionName}:{Property}";
}
