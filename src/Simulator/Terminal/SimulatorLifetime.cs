using Microsoft.Extensions.Hosting;

namespace ClarityConnect.Simulator.Terminal;

/// <summary>
/// A host lifetime that leaves Ctrl-C alone. The default console lifetime swallows every Ctrl-C to stop the host,
/// so a second Ctrl-C could never abort a run; <see cref="ShutdownSignal"/> handles the signals instead.
/// </summary>
public sealed class SimulatorLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
