using System.Globalization;
using ClarityConnect.Simulator.Agents;
using ClarityConnect.Simulator.Simulation;
using ClarityConnect.Simulator.Terminal;

namespace ClarityConnect.Simulator.Reporting;

/// <summary>
/// Shows how the run is going: one line updated in place several times a second on a terminal, a plain line every
/// few seconds when the output is redirected (a log file, CI).
/// </summary>
public sealed class ProgressReporter(SimulationCounters counters, AgentPool agents, int totalSessions, ConsoleOutput console)
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Starts reporting.</summary>
    public void Start() => _loop = ReportAsync(_stop.Token);

    /// <summary>Stops reporting and removes the status line.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        if (!console.IsTerminal)
        {
            console.WriteLine(Describe());
        }

        console.ClearStatus();
        _stop.Dispose();
    }

    /// <summary>The current progress as one line.</summary>
    public string Describe()
    {
        var elapsed = counters.Elapsed;
        var rate = elapsed.TotalSeconds > 0 ? counters.Finished / elapsed.TotalSeconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}] {counters.Finished}/{totalSessions} sessions: " +
            $"{counters.Completed} completed, {counters.Abandoned} abandoned, {counters.Failed} failed, {counters.InFlight} in flight | " +
            $"{rate:0.0}/s | agents: {agents.Free} free, {agents.Away} away, {Math.Max(0, agents.InService - agents.Free - agents.Away)} busy");
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(console.IsTerminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                console.SetStatus(Describe());
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
