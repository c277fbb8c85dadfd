using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Observability.Tests;

/// <summary>One voice call as the telephony platform drives it: a Customer Lookup in the call flow, an agent answers, wrap-up, completion.</summary>
public static class SimulatedCall
{
    /// <summary>Runs the call of <paramref name="caller"/> as session <paramref name="sessionId"/>, calling <paramref name="beforeCompletion"/> just before the session completes; returns the lookup's outcome.</summary>
    public static async Task<NodeOutcome> RunAsync(IGrainFactory grains, string sessionId, CallerData caller, CustomerLookupNode? lookup = null, Action? beforeCompletion = null)
    {
        var session = grains.GetGrain<ISessionGrain>(sessionId);
        await session.StartAsync(new SessionStart
        {
            Channel = SessionChannel.Voice,
            CallerPhoneNumber = caller.PhoneNumber,
            CallerIdName = caller.CallerIdName,
            SipAddress = caller.SipAddress,
        });
        var outcome = await session.RunNodeAsync(lookup ?? new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce });
        await new SessionDriver(grains).AnswerAndEndAsync(session);
        beforeCompletion?.Invoke();
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved", Notes = "Called about " + caller.LastName });
        return outcome;
    }
}
