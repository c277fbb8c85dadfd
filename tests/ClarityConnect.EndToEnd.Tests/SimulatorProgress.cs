using System.Globalization;
using System.Text.RegularExpressions;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// One progress line of the simulator, which it prints every 5 s when its output is redirected:
/// <c>[00:10] 85/300 sessions: 71 completed, 9 abandoned, 5 failed, 20 in flight | …</c>.
/// </summary>
/// <param name="Finished">Sessions that ended one way or another.</param>
/// <param name="Total">Sessions of the run.</param>
/// <param name="Completed">Sessions completed so far.</param>
public sealed partial record SimulatorProgress(int Finished, int Total, int Completed)
{
    /// <summary>The progress <paramref name="line"/> shows, or null when it is another kind of line.</summary>
    public static SimulatorProgress? TryParse(string line)
    {
        var match = ProgressLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        int Number(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new SimulatorProgress(Number("finished"), Number("total"), Number("completed"));
    }

    [GeneratedRegex(@"^\[\d+:\d+\] (?<finished>\d+)/(?<total>\d+) sessions: (?<completed>\d+) completed")]
    private static partial Regex ProgressLine();
}
