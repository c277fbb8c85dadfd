using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Simulator.Sessions;

/// <summary>What one simulated session did.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Started">True when the cluster accepted its <c>StartAsync</c>.</param>
/// <param name="Channel">Voice or chat.</param>
/// <param name="RecordingPieces">Recording pieces started.</param>
/// <param name="TranscriptMessages">Chat messages added.</param>
/// <param name="Holds">Times the customer was put on hold.</param>
/// <param name="MissedOffers">Offers an agent missed.</param>
public sealed record SessionResult(
    SessionOutcome Outcome, bool Started, SessionChannel Channel, int RecordingPieces, int TranscriptMessages, int Holds, int MissedOffers);
