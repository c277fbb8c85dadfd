using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Bench.Cluster;
using ClarityConnect.Simulator.Calls;

namespace ClarityConnect.Bench.Lifecycles;

/// <summary>
/// One complete voice session as the telephony platform drives it, every call through the simulator's
/// <see cref="GrainCaller"/>: start, a Customer Lookup in the call flow, queue, offer, accept, end (wrap-up), complete
/// with the disposition. Completing starts the export of the call details to the matched Salesforce record.
/// </summary>
public sealed class VoiceLifecycle(IGrainFactory grains, GrainCaller caller, AgentPool agents)
{
    /// <summary>The lookup every life cycle runs: Automatic Detection, fresh each call (so the CRM is asked every time).</summary>
    public static readonly CustomerLookupNode Lookup = new() { NodeId = "bench-lookup", Integration = IntegrationNames.Salesforce, AutoOpenOnAccept = true };

    private static readonly WrapUpDetails Details = new() { Disposition = "Resolved", SubDisposition = "Billing question", Notes = "Explained the invoice; no follow-up needed." };

    /// <summary>Runs the life cycle of <paramref name="sessionId"/> for a caller from <paramref name="phone"/>; returns when Complete returned.</summary>
    public async Task RunAsync(string sessionId, string phone, CancellationToken cancellationToken)
    {
        var session = grains.GetGrain<ISessionGrain>(sessionId);
        await caller.InvokeAsync(GrainOperation.Start, () => session.StartAsync(Start(phone)), cancellationToken);
        var outcome = await caller.InvokeAsync(LifecycleOperation.CustomerLookup, () => session.RunNodeAsync(Lookup), cancellationToken);
        if (outcome.Exit != NodeExit.Match)
        {
            throw new InvalidOperationException($"The lookup of {phone} took {outcome.Exit}: {outcome.Reason}");
        }

        await caller.InvokeAsync(GrainOperation.Enqueue, () => session.EnqueueAsync("Support"), cancellationToken);
        var agent = await agents.AcquireAsync(cancellationToken);
        await caller.InvokeAsync(GrainOperation.Offer, () => session.OfferAsync(agent), cancellationToken);
        await caller.InvokeAsync(GrainOperation.Accept, session.AcceptAsync, cancellationToken);
        await caller.InvokeAsync(GrainOperation.End, session.EndAsync, cancellationToken);
        await caller.InvokeAsync(GrainOperation.Complete, () => session.CompleteAsync(Details), cancellationToken);
        // Only an agent whose session completed is Available again; a failed life cycle keeps its agent out of the pool.
        agents.Release(agent);
    }

    /// <summary>What the platform knows when a call arrives (the shape of the simulator's voice calls).</summary>
    public static SessionStart Start(string phone) => new()
    {
        Channel = SessionChannel.Voice,
        CallerPhoneNumber = phone,
        SipAddress = "sip:caller@pbx.example.com",
        CallerIdName = "BENCH CALLER",
        DialedNumber = "sip:support@contact.example.com",
        ExtraItems = new Dictionary<string, string> { ["Language"] = "en-US", ["CustomerTier"] = "Gold", ["AccountNumber"] = "AC-000123" },
    };
}
