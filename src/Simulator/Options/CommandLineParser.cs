using System.Globalization;

namespace ClarityConnect.Simulator.Options;

/// <summary>
/// Turns <c>--name value</c> and <c>--name=value</c> arguments into configuration settings. Deliberately small: it knows
/// the options of <see cref="OptionCatalog"/>, checks the kind of each value, and names the option it refuses.
/// </summary>
public static class CommandLineParser
{
    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "/?"];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="InvalidOptionException"/> naming a bad option.</summary>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (HelpSwitches.Contains(arg, StringComparer.OrdinalIgnoreCase))
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new InvalidOptionException($"unexpected argument '{arg}': options look like --sessions 500.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            var option = OptionCatalog.All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOptionException($"unknown option '{name}'{Suggest(name)}");

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !IsOptionName(args[i + 1]))
            {
                value = args[++i];
            }
            else
            {
                throw new InvalidOptionException($"{option.Name} needs a value ({option.ValueName}).");
            }

            CheckValue(option, value);
            settings[option.ConfigurationKey] = value;
        }

        return new ParsedCommandLine(help, settings);
    }

    private static bool IsOptionName(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && char.IsLetter(arg[2]);

    private static void CheckValue(OptionDefinition option, string value)
    {
        switch (option.Kind)
        {
            case OptionValueKind.WholeNumber when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                throw new InvalidOptionException($"{option.Name}: '{value}' is not a whole number.");
            case OptionValueKind.Share when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1:
                throw new InvalidOptionException($"{option.Name}: '{value}' is not a number between 0 and 1 (use a dot, e.g. 0.25).");
            case OptionValueKind.Boolean when !bool.TryParse(value, out _):
                throw new InvalidOptionException($"{option.Name}: '{value}' is not true or false.");
            case OptionValueKind.Text when string.IsNullOrWhiteSpace(value):
                throw new InvalidOptionException($"{option.Name} needs a non-empty value ({option.ValueName}).");
        }
    }

    private static string Suggest(string name)
    {
        var close = OptionCatalog.All
            .Select(o => (o.Name, Distance: EditDistance(o.Name, name.ToLowerInvariant())))
            .Where(c => c.Distance <= 3)
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return close.Name is null ? "." : $" (did you mean {close.Name}?)";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
