using System.CommandLine;
using System.Globalization;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace ClarityConnect.Bench;

/// <summary>What the benchmark runs: the command line, parsed by System.CommandLine.</summary>
public sealed class BenchOptions
{
    private static readonly Option<bool> QuickOption = new("--quick")
    {
        Description = "Short phases, 2k activations only (about a minute).",
    };

    private static readonly Option<string> PostgresOption = new("--postgres")
    {
        HelpName = "CONNSTR",
        Description = "PostgreSQL profile against this database (the schema is migrated first) instead of embedded SQLite.",
    };

    private static readonly Option<string> OutOption = new("--out")
    {
        HelpName = "FILE",
        Description = "Where the JSON goes (default bench/results/latest.json).",
    };

    private static readonly Option<int[]> LevelsOption = new("--levels")
    {
        HelpName = "LIST",
        Description = "Concurrency levels of the life-cycle runs, comma-separated (default 4,16,64; quick 4,32).",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = ParseLevels,
    };

    private static readonly Option<int> SecondsOption = new("--seconds")
    {
        HelpName = "N",
        Description = "Length of each measured phase in seconds (default 8; quick 3).",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = result => Positive(result, result.Tokens[0].Value),
    };

    private static readonly RootCommand Command = BuildCommand();

    /// <summary>Short phases and 2k activations only: about a minute.</summary>
    public bool Quick { get; private init; }

    /// <summary>Runs the silo on the PostgreSQL profile against this database (Npgsql connection string) instead of the embedded one.</summary>
    public string? Postgres { get; private init; }

    /// <summary>Where the JSON goes.</summary>
    public string Output { get; private init; } = DefaultOutput();

    /// <summary>Concurrency levels of the closed-loop life-cycle runs and the ceilings beside them.</summary>
    public IReadOnlyList<int> Levels { get; private init; } = [];

    /// <summary>Seconds each measured phase lasts.</summary>
    public double Seconds { get; private init; }

    /// <summary>Activation counts of the memory phase.</summary>
    public IReadOnlyList<int> Activations { get; private init; } = [];

    /// <summary>The storage profile's name.</summary>
    public string Profile => Postgres is null ? "Embedded" : "PostgreSql";

    /// <summary>
    /// Parses <paramref name="args"/>. Returns null when <c>--help</c> was asked for (the help is written to
    /// <paramref name="output"/>); throws <see cref="ArgumentException"/> with System.CommandLine's message, which names
    /// the bad option or value.
    /// </summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, TextWriter output)
    {
        var result = Command.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        }

        if (result.Action is HelpAction)
        {
            result.Invoke(new InvocationConfiguration { Output = output });
            return null;
        }

        var quick = result.GetValue(QuickOption);
        return new BenchOptions
        {
            Quick = quick,
            Postgres = result.GetValue(PostgresOption),
            Output = result.GetValue(OutOption) ?? DefaultOutput(),
            Levels = Given(result, LevelsOption) ? result.GetValue(LevelsOption)! : quick ? [4, 32] : [4, 16, 64],
            Seconds = Given(result, SecondsOption) ? result.GetValue(SecondsOption) : quick ? 3 : 8,
            Activations = quick ? [2_000] : [10_000, 100_000],
        };
    }

    private static RootCommand BuildCommand()
    {
        var command = new RootCommand("ClarityConnect benchmark: runs a silo, the client and the Salesforce and CSI doubles in this process and measures them.")
        {
            QuickOption, PostgresOption, OutOption, LevelsOption, SecondsOption,
        };

        // The benchmark has no version of its own to show (its figures name the commit).
        command.Options.Remove(command.Options.OfType<VersionOption>().Single());
        return command;
    }

    // The defaults of --levels and --seconds depend on --quick, so "not given" is asked rather than a default value.
    private static bool Given(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static int[] ParseLevels(ArgumentResult result) =>
        [.. result.Tokens[0].Value.Split(',').Select(level => Positive(result, level))];

    // A custom parser rather than a validator: validators also run after a failed conversion, and then cannot read the value.
    private static int Positive(ArgumentResult result, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        result.AddError($"{((OptionResult)result.Parent!).Option.Name}: '{text}' is not a positive number.");
        return 0;
    }

    // bench/results/latest.json of the checkout the command runs in (found from the working directory upwards).
    private static string DefaultOutput()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "bench", "ClarityConnect.Bench.csproj")))
            {
                return Path.Combine(directory.FullName, "bench", "results", "latest.json");
            }
        }

        return Path.Combine("bench", "results", "latest.json");
    }
}
