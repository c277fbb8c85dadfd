namespace ClarityConnect.Bench.Lifecycles;

/// <summary>The timed operations of a voice life cycle, in order.</summary>
public static class LifecycleOperation
{
    /// <summary><c>ISessionGrain.StartAsync</c>.</summary>
    public const string Start = "Start";
    /// <summary><c>ISessionGrain.RunNodeAsync</c> with a Customer Lookup node (in the call flow, before the queue).</summary>
    public const string CustomerLookup = "CustomerLookup";
    /// <summary><c>ISessionGrain.EnqueueAsync</c>.</summary>
    public const string Enqueue = "Enqueue";
    /// <summary><c>ISessionGrain.OfferAsync</c>.</summary>
    public const string Offer = "Offer";
    /// <summary><c>ISessionGrain.AcceptAsync</c>.</summary>
    public const string Accept = "Accept";
    /// <summary><c>ISessionGrain.EndAsync</c> (the session and agent go to wrap-up).</summary>
    public const string End = "End";
    /// <summary><c>ISessionGrain.CompleteAsync</c> with the wrap-up details.</summary>
    public const string Complete = "Complete";

    /// <summary>Every operation in order.</summary>
    public static IReadOnlyList<string> All { get; } = [Start, CustomerLookup, Enqueue, Offer, Accept, End, Complete];

    /// <summary>Change events one life cycle produces: six of the session (New … Completed), four of its agent (Ringing, Busy, WrapUp, Available).</summary>
    public const int EventsPerLifecycle = 10;
}
