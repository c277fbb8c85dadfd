namespace ClarityConnect.Bench;

/// <summary>What the benchmark runs: the command line, parsed.</summary>
public sealed class BenchOptions
{
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

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: dotnet run -c Release --project bench -- [--quick] [--postgres CONNSTR] [--out FILE] [--levels 4,16,64] [--seconds N]
          --quick            short phases, 2k activations only (about a minute)
          --postgres CONNSTR PostgreSQL profile against this database (the schema is migrated first) instead of embedded SQLite
          --out FILE         where the JSON goes (default bench/results/latest.json)
          --levels LIST      concurrency levels of the life-cycle runs (default 4,16,64; quick 4,32)
          --seconds N        length of each measured phase (default 8; quick 3)
        """;

    /// <summary>Whether the usage text was asked for.</summary>
    public static bool IsHelp(IReadOnlyList<string> args) => args.Contains("--help") || args.Contains("-h");

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming a bad option.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        string? postgres = null, output = null, levels = null, seconds = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--postgres":
                    postgres = Value(args, ref i);
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--levels":
                    levels = Value(args, ref i);
                    break;
                case "--seconds":
                    seconds = Value(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return new BenchOptions
        {
            Quick = quick,
            Postgres = postgres,
            Output = output ?? DefaultOutput(),
            Levels = levels is null ? (quick ? [4, 32] : [4, 16, 64]) : levels.Split(',').Select(l => Positive(l, "--levels")).ToList(),
            Seconds = seconds is null ? (quick ? 3 : 8) : Positive(seconds, "--seconds"),
            Activations = quick ? [2_000] : [10_000, 100_000],
        };
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int Positive(string text, string option) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"{option}: '{text}' is not a positive number");

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
