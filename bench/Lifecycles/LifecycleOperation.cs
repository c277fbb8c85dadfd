using ClarityConnect.Simulator.Calls;

namespace ClarityConnect.Bench.Lifecycles;

/// <summary>The timed operations of a voice life cycle, in order: the simulator's names, plus the lookup it does not make.</summary>
public static class LifecycleOperation
{
    /// <summary><c>ISessionGrain.RunNodeAsync</c> with a Customer Lookup node (in the call flow, before the queue).</summary>
    public const string CustomerLookup = "CustomerLookup";

    /// <summary>Every operation in order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        GrainOperation.Start, CustomerLookup, GrainOperation.Enqueue, GrainOperation.Offer, GrainOperation.Accept, GrainOperation.End, GrainOperation.Complete,
    ];

    /// <summary>Change events one life cycle produces: six of the session (New … Completed), four of its agent (Ringing, Busy, WrapUp, Available).</summary>
    public const int EventsPerLifecycle = 10;
}
