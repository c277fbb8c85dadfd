namespace ClarityConnect.Simulator.Calls;

/// <summary>The names under which grain calls are timed, in the order the summary lists them.</summary>
public static class GrainOperation
{
    /// <summary><c>ISessionGrain.StartAsync</c>.</summary>
    public const string Start = "Start";
    /// <summary><c>ISessionGrain.EnqueueAsync</c>.</summary>
    public const string Enqueue = "Enqueue";
    /// <summary><c>ISessionGrain.OfferAsync</c>.</summary>
    public const string Offer = "Offer";
    /// <summary><c>ISessionGrain.RequeueAsync</c>.</summary>
    public const string Requeue = "Requeue";
    /// <summary><c>ISessionGrain.AcceptAsync</c>.</summary>
    public const string Accept = "Accept";
    /// <summary><c>ISessionGrain.StartRecordingAsync</c>.</summary>
    public const string StartRecording = "StartRecording";
    /// <summary><c>ISessionGrain.StopRecordingAsync</c>.</summary>
    public const string StopRecording = "StopRecording";
    /// <summary><c>ISessionGrain.HoldAsync</c>.</summary>
    public const string Hold = "Hold";
    /// <summary><c>ISessionGrain.ResumeAsync</c>.</summary>
    public const string Resume = "Resume";
    /// <summary><c>ISessionGrain.AddTranscriptMessageAsync</c>.</summary>
    public const string AddTranscriptMessage = "AddTranscriptMessage";
    /// <summary><c>ISessionGrain.SetExtraItemsAsync</c>.</summary>
    public const string SetExtraItems = "SetExtraItems";
    /// <summary><c>ISessionGrain.SetWrapUpDetailsAsync</c>.</summary>
    public const string SetWrapUpDetails = "SetWrapUpDetails";
    /// <summary><c>ISessionGrain.EndAsync</c>.</summary>
    public const string End = "End";
    /// <summary><c>ISessionGrain.CompleteAsync</c>.</summary>
    public const string Complete = "Complete";
    /// <summary><c>ISessionGrain.AbandonAsync</c>.</summary>
    public const string Abandon = "Abandon";
    /// <summary><c>ISessionGrain.GetAsync</c> (re-reading a session after a failed call).</summary>
    public const string Get = "Get";
    /// <summary><c>IAgentGrain.SetStatusAsync</c>.</summary>
    public const string AgentSetStatus = "Agent.SetStatus";
    /// <summary><c>IAgentGrain.GetAsync</c> (re-reading an agent after a failed call).</summary>
    public const string AgentGet = "Agent.Get";

    /// <summary>Every operation in summary order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Start, Enqueue, Offer, Requeue, Accept, StartRecording, StopRecording, Hold, Resume, AddTranscriptMessage,
        SetExtraItems, SetWrapUpDetails, End, Complete, Abandon, Get, AgentSetStatus, AgentGet,
    ];
}
