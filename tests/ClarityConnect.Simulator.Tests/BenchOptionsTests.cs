using ClarityConnect.Bench;

namespace ClarityConnect.Simulator.Tests;

/// <summary>The benchmark's flags: defaults, quick defaults, and how a bad flag or value is named.</summary>
public sealed class BenchOptionsTests
{
    [Fact]
    public void Without_flags_the_full_run_is_measured_on_the_embedded_profile()
    {
        var options = Parse();

        Assert.False(options.Quick);
        Assert.Equal("Embedded", options.Profile);
        Assert.Equal([4, 16, 64], options.Levels);
        Assert.Equal(8, options.Seconds);
        Assert.Equal([10_000, 100_000], options.Activations);
        Assert.EndsWith(Path.Combine("bench", "results", "latest.json"), options.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_shortens_the_phases_unless_they_are_given()
    {
        var quick = Parse("--quick");
        Assert.Equal([4, 32], quick.Levels);
        Assert.Equal(3, quick.Seconds);
        Assert.Equal([2_000], quick.Activations);

        var given = Parse("--quick", "--levels", "1,16", "--seconds", "60", "--out", "x.json", "--postgres", "Host=db");
        Assert.Equal([1, 16], given.Levels);
        Assert.Equal(60, given.Seconds);
        Assert.Equal("x.json", given.Output);
        Assert.Equal("PostgreSql", given.Profile);
    }

    [Fact]
    public void Help_writes_the_flags_and_runs_nothing()
    {
        using var output = new StringWriter();

        Assert.Null(BenchOptions.Parse(["--help"], output));
        foreach (var flag in new[] { "--quick", "--postgres <CONNSTR>", "--out <FILE>", "--levels <LIST>", "--seconds <N>" })
        {
            Assert.Contains(flag, output.ToString());
        }
    }

    [Theory]
    [InlineData("--levels 4,x", "--levels: 'x' is not a positive number.")]
    [InlineData("--levels 0", "--levels: '0' is not a positive number.")]
    [InlineData("--seconds -1", "--seconds: '-1' is not a positive number.")]
    [InlineData("--seconds abc", "--seconds: 'abc' is not a positive number.")]
    [InlineData("--quik", "'--quik'")]
    [InlineData("--out", "'--out'")]
    public void A_bad_flag_or_value_is_named(string args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse(args.Split(' ')));

        Assert.Contains(expected, error.Message);
    }

    private static BenchOptions Parse(params string[] args) =>
        BenchOptions.Parse(args, TextWriter.Null) ?? throw new InvalidOperationException("help was not asked for");
}
