using System.Text;

namespace ClarityConnect.Simulator.Options;

/// <summary>The <c>--help</c> text, built from <see cref="OptionCatalog"/>.</summary>
public static class UsageText
{
    /// <summary>The help text.</summary>
    public static string Build()
    {
        var text = new StringBuilder();
        text.AppendLine("ClarityConnect telephony simulator: drives voice and chat sessions and agents through a running cluster.");
        text.AppendLine();
        text.AppendLine("Usage: dotnet run --project src/Simulator -- [options]");
        text.AppendLine();
        text.AppendLine("Options:");
        var width = OptionCatalog.All.Max(o => o.Name.Length + o.ValueName.Length) + 3;
        foreach (var option in OptionCatalog.All)
        {
            text.Append("  ").Append($"{option.Name} {option.ValueName}".PadRight(width)).AppendLine(option.Description);
        }

        text.Append("  ").Append("--help".PadRight(width)).AppendLine("Show this help.");
        text.AppendLine();
        text.AppendLine("Every option can also be set in the environment or in appsettings.json under ClarityConnect:Simulator,");
        text.AppendLine("e.g. ClarityConnect__Simulator__Sessions=500 or ClarityConnect__Simulator__Postgres=\"Host=db;...\".");
        text.AppendLine("The command line wins over the environment, which wins over appsettings.json.");
        text.AppendLine();
        text.AppendLine("Ctrl-C once: start no new sessions and let the running ones finish; twice: stop them now. The summary is printed either way.");
        text.AppendLine("Exit code: 0 when no session failed, 1 when one did or the cluster could not be reached, 2 for a bad option.");
        return text.ToString();
    }
}
