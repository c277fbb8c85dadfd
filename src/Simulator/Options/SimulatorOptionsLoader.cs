using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ClarityConnect.Simulator.Options;

/// <summary>Binds <see cref="SimulatorOptions"/> from configuration, fills in the run id and seed, and validates them.</summary>
public static class SimulatorOptionsLoader
{
    /// <summary>The options; throws <see cref="InvalidOptionException"/> naming every bad setting.</summary>
    public static SimulatorOptions Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(SimulatorOptions.SectionName);
        foreach (var (key, _) in section.AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
        {
            if (!OptionCatalog.All.Any(o => string.Equals(o.Property, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOptionException(
                    $"unknown setting {SimulatorOptions.SectionName}:{key}; the settings are {string.Join(", ", OptionCatalog.All.Select(o => o.Property))}.");
            }
        }

        SimulatorOptions options;
        try
        {
            options = section.Get<SimulatorOptions>() ?? new SimulatorOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the configuration key (and unknown keys), which is what an environment-variable user needs.
            throw new InvalidOptionException($"bad setting under {SimulatorOptions.SectionName}: {ex.Message}");
        }

        options.Gateway = Blank(options.Gateway);
        options.Postgres = Blank(options.Postgres);
        options.RunId = Blank(options.RunId);
        var problems = SimulatorOptionsValidator.Validate(options);
        if (problems.Count > 0)
        {
            throw new InvalidOptionException(string.Join(Environment.NewLine, problems));
        }

        options.RunId ??= NewRunId();
        options.Seed ??= Random.Shared.Next();
        return options;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string NewRunId()
    {
        // Timestamp for the reader, plus a few random characters so two runs started in the same second still differ.
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var suffix = string.Create(3, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[Random.Shared.Next(alphabet.Length)];
            }
        });
        return "sim-" + DateTime.UtcNow.ToString("MMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + suffix;
    }
}
