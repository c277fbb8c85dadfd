using System.Diagnostics;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Simulator.Sessions;

namespace ClarityConnect.Simulator.Simulation;

/// <summary>Running totals of the simulation, read by the progress display and the summary. Thread-safe.</summary>
public sealed class SimulationCounters
{
    private readonly Stopwatch _clock = new();
    private int _inFlight;
    private int _started;
    private int _completed;
    private int _abandoned;
    private int _failed;
    private int _interrupted;
    private int _voice;
    private int _chat;
    private int _recordingPieces;
    private int _transcriptMessages;
    private int _holds;
    private int _missedOffers;

    /// <summary>Time since <see cref="StartClock"/>, frozen by <see cref="StopClock"/>.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Sessions running now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);
    /// <summary>Sessions the cluster accepted.</summary>
    public int Started => Volatile.Read(ref _started);
    /// <summary>Sessions completed.</summary>
    public int Completed => Volatile.Read(ref _completed);
    /// <summary>Sessions abandoned.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);
    /// <summary>Sessions failed.</summary>
    public int Failed => Volatile.Read(ref _failed);
    /// <summary>Sessions stopped by the user.</summary>
    public int Interrupted => Volatile.Read(ref _interrupted);
    /// <summary>Sessions that ended one way or another.</summary>
    public int Finished => Completed + Abandoned + Failed + Interrupted;
    /// <summary>Voice sessions started.</summary>
    public int Voice => Volatile.Read(ref _voice);
    /// <summary>Chat sessions started.</summary>
    public int Chat => Volatile.Read(ref _chat);
    /// <summary>Recording pieces started.</summary>
    public int RecordingPieces => Volatile.Read(ref _recordingPieces);
    /// <summary>Chat messages added.</summary>
    public int TranscriptMessages => Volatile.Read(ref _transcriptMessages);
    /// <summary>Holds.</summary>
    public int Holds => Volatile.Read(ref _holds);
    /// <summary>Offers missed by agents.</summary>
    public int MissedOffers => Volatile.Read(ref _missedOffers);

    /// <summary>Starts the clock.</summary>
    public void StartClock() => _clock.Start();

    /// <summary>Stops the clock.</summary>
    public void StopClock() => _clock.Stop();

    /// <summary>A session began running.</summary>
    public void SessionDispatched() => Interlocked.Increment(ref _inFlight);

    /// <summary>A session ended with <paramref name="result"/>.</summary>
    public void SessionFinished(SessionResult result)
    {
        if (result.Started)
        {
            Interlocked.Increment(ref _started);
            if (result.Channel == SessionChannel.Chat)
            {
                Interlocked.Increment(ref _chat);
            }
            else
            {
                Interlocked.Increment(ref _voice);
            }
        }

        Interlocked.Add(ref _recordingPieces, result.RecordingPieces);
        Interlocked.Add(ref _transcriptMessages, result.TranscriptMessages);
        Interlocked.Add(ref _holds, result.Holds);
        Interlocked.Add(ref _missedOffers, result.MissedOffers);
        switch (result.Outcome)
        {
            case SessionOutcome.Completed:
                Interlocked.Increment(ref _completed);
                break;
            case SessionOutcome.Abandoned:
                Interlocked.Increment(ref _abandoned);
                break;
            case SessionOutcome.Interrupted:
                Interlocked.Increment(ref _interrupted);
                break;
            default:
                Interlocked.Increment(ref _failed);
                break;
        }

        Interlocked.Decrement(ref _inFlight);
    }
}
