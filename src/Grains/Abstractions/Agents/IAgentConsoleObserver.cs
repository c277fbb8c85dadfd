using Orleans.Concurrency;

namespace ClarityConnect.Abstractions.Agents;

/// <summary>
/// Implemented by an Orleans client (the Agent Console's back end) to receive an agent's screen pops and instant
/// messages as they happen. Subscribe with <see cref="IAgentGrain.SubscribeAsync"/>; subscriptions expire after
/// <see cref="IAgentGrain.SubscriptionLifetime"/> unless renewed.
/// </summary>
public interface IAgentConsoleObserver : IGrainObserver
{
    /// <summary>A CRM record to show (opened by itself when <see cref="ScreenPop.AutoOpen"/>).</summary>
    [OneWay] Task OnScreenPopAsync(ScreenPop pop);

    /// <summary>An instant message for the agent.</summary>
    [OneWay] Task OnInstantMessageAsync(InstantMessage message);

    /// <summary>The caller context of the session being offered or handled changed.</summary>
    [OneWay] Task OnCallerContextAsync(CallerContext context);
}
