using System.Text.RegularExpressions;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>The figures the simulator printed at the end of a run (<c>src/Simulator/Reporting/SimulationSummary.cs</c>).</summary>
/// <param name="Requested">Sessions asked for.</param>
/// <param name="Started">Sessions the cluster accepted.</param>
/// <param name="Completed">Sessions the simulator saw reach Completed.</param>
/// <param name="Abandoned">Sessions the simulator saw reach Abandoned.</param>
/// <param name="Failed">Sessions the simulator gave up on.</param>
/// <param name="NamedFailures">
/// The ids of failed sessions the output names (each failure as it happens, until 20 problems were printed, and the
/// summary's first ones); all of them when its count equals <paramref name="Failed"/>.
/// </param>
public sealed partial record SimulatorSummary(int Requested, int Started, int Completed, int Abandoned, int Failed, IReadOnlySet<string> NamedFailures)
{
    /// <summary>Whether the output names every failed session.</summary>
    public bool EveryFailureNamed => NamedFailures.Count == Failed;

    /// <summary>Reads the summary from the simulator's output; null when there is none (the run did not get that far).</summary>
    public static SimulatorSummary? Parse(IReadOnlyList<string> lines)
    {
        var totals = lines.Select(l => SessionsLine().Match(l)).LastOrDefault(m => m.Success);
        if (totals is null)
        {
            return null;
        }

        var failures = lines.Select(l => FailureLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["id"].Value).ToHashSet();
        int Number(string name) => int.Parse(totals.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new SimulatorSummary(Number("requested"), Number("started"), Number("completed"), Number("abandoned"), Number("failed"), failures);
    }

    [GeneratedRegex(@"^\s*Sessions\s+(?<requested>\d+) requested, (?<started>\d+) started: (?<completed>\d+) completed, (?<abandoned>\d+) abandoned, (?<failed>\d+) failed")]
    private static partial Regex SessionsLine();

    // "x session run-000043: gave up …" as it happens, "    - session run-000043: …" in the summary.
    [GeneratedRegex(@"^\s*(x|-) session (?<id>\S+): ")]
    private static partial Regex FailureLine();
}
