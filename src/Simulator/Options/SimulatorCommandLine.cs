using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ClarityConnect.Simulator.Options;

/// <summary>
/// The simulator's command line on System.CommandLine: the options of <see cref="OptionCatalog"/> become configuration
/// settings (so the command line, the environment and <c>appsettings.json</c> bind the same way); bad options are
/// refused with System.CommandLine's message, which names the option and value, plus its "did you mean" suggestions.
/// </summary>
public static class SimulatorCommandLine
{
    private const string Epilogue = """

        Usage from the repository: dotnet run --project src/Simulator -- [options]

        Every option can also be set in the environment or in appsettings.json under ClarityConnect:Simulator,
        e.g. ClarityConnect__Simulator__Sessions=500 or ClarityConnect__Simulator__Postgres="Host=db;...".
        The command line wins over the environment, which wins over appsettings.json.

        Ctrl-C once: start no new sessions and let the running ones finish; twice: stop them now. The summary is printed either way.
        Exit code: 0 when no session failed, 1 when one did or the cluster could not be reached, 2 for a bad option.
        """;

    private static readonly RootCommand Root = Build();

    /// <summary>Parses <paramref name="args"/>; throws <see cref="InvalidOptionException"/> naming a bad option or value.</summary>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = Root.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOptionException(ErrorText(result));
        }

        if (result.Action is HelpAction)
        {
            return new ParsedCommandLine(true, new Dictionary<string, string?>());
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in OptionCatalog.All)
        {
            if (result.GetResult(option.Option) is { Implicit: false } given)
            {
                // The token as typed (already checked by its Option<T>): the configuration binder reads it invariantly.
                // A bare switch (--allow-insecure-transport) has no token and means true.
                settings[option.ConfigurationKey] = given.Tokens.Count == 0 ? bool.TrueString : given.Tokens[^1].Value;
            }
        }

        return new ParsedCommandLine(false, settings);
    }

    /// <summary>Writes the <c>--help</c> text: System.CommandLine's option list and how settings and exit codes work.</summary>
    public static void WriteHelp(TextWriter output)
    {
        Root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });
        output.Write(Epilogue);
        output.WriteLine();
    }

    private static string ErrorText(ParseResult result)
    {
        // System.CommandLine's own error output, without the full help: the errors and its "did you mean" suggestions.
        if (result.Action is ParseErrorAction errorAction)
        {
            errorAction.ShowHelp = false;
            errorAction.ShowTypoCorrections = true;
        }

        using var text = new StringWriter();
        result.Invoke(new InvocationConfiguration { Output = text, Error = text });
        return text.ToString().Trim();
    }

    private static RootCommand Build()
    {
        var root = new RootCommand("ClarityConnect telephony simulator: drives voice and chat sessions and agents through a running cluster.");
        // The simulator has no version of its own to show (it ships with the repository).
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        foreach (var option in OptionCatalog.All)
        {
            root.Options.Add(option.Option);
        }

        return root;
    }
}
