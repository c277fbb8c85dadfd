using System.Runtime.InteropServices;

namespace ClarityConnect.Simulator.Terminal;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM. The first one drains: no new sessions start, running ones finish. The second aborts the
/// running sessions. A third one is left to the runtime, which ends the process at once.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _draining = new();
    private readonly CancellationTokenSource _aborting = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly ConsoleOutput _console;
    private int _signals;

    /// <summary>Listens for the signals; messages go to <paramref name="console"/>.</summary>
    public ShutdownSignal(ConsoleOutput console)
    {
        _console = console;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // SIGTERM has no equivalent on some platforms; Ctrl-C alone is enough there.
            }
        }
    }

    /// <summary>Cancelled when no new session should start.</summary>
    public CancellationToken Draining => _draining.Token;

    /// <summary>Cancelled when running sessions should stop at once.</summary>
    public CancellationToken Aborting => _aborting.Token;

    /// <summary>True once the first signal arrived.</summary>
    public bool StopRequested => _draining.IsCancellationRequested;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _draining.Dispose();
        _aborting.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        switch (Interlocked.Increment(ref _signals))
        {
            case 1:
                context.Cancel = true;
                _console.WriteLine("Stopping: no new sessions; the running ones finish (Ctrl-C again to stop them now).");
                _draining.Cancel();
                break;
            case 2:
                context.Cancel = true;
                _console.WriteLine("Stopping the running sessions now (Ctrl-C once more to quit without a summary).");
                _aborting.Cancel();
                break;
            default:
                context.Cancel = false;
                break;
        }
    }
}
