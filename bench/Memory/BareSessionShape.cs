using ClarityConnect.Abstractions.Events;
using Orleans.Streams;

namespace ClarityConnect.Bench.Memory;

/// <summary>
/// A session's shape with nothing in it, to weigh what Orleans itself costs per session: a grain that publishes one event
/// on the change-stream provider, and two consumer grains subscribed implicitly to its namespace (as the CSI pusher and
/// the CRM exporter are to a session's) that handle it by doing nothing. No state, no storage, no reminder.
/// </summary>
public static class BareSessionShape
{
    /// <summary>The stream namespace of the bare producers; only the two bare consumers subscribe to it.</summary>
    public const string Namespace = "bench.bare";

    private static long _consumersActivated;

    /// <summary>Bare consumer activations so far.</summary>
    public static long ConsumersActivated => Interlocked.Read(ref _consumersActivated);

    internal static void ConsumerActivated() => Interlocked.Increment(ref _consumersActivated);

    internal static IAsyncStream<int> StreamOf(Grain grain, string key) =>
        grain.GetStreamProvider(ChangeStreams.ProviderName).GetStream<int>(StreamId.Create(Namespace, key));
}

/// <summary>Publishes one event on its stream.</summary>
public interface IBareProducerGrain : IGrainWithStringKey
{
    /// <summary>Publishes one event.</summary>
    Task PublishAsync();
}

/// <summary>A bare consumer (it has no calls of its own; the stream activates it).</summary>
public interface IBareConsumerGrain : IGrainWithStringKey;

/// <inheritdoc cref="IBareProducerGrain" />
public sealed class BareProducerGrain : Grain, IBareProducerGrain
{
    /// <inheritdoc />
    public Task PublishAsync() => BareSessionShape.StreamOf(this, this.GetPrimaryKeyString()).OnNextAsync(1);
}

/// <summary>Subscribes to its stream when activated, as the change-event consumers do, and ignores what comes.</summary>
public abstract class BareConsumerGrain : Grain, IBareConsumerGrain
{
    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await BareSessionShape.StreamOf(this, this.GetPrimaryKeyString()).SubscribeAsync((_, _) => Task.CompletedTask);
        BareSessionShape.ConsumerActivated();
    }
}

/// <summary>The first of a bare producer's two consumers (the CSI pusher's place).</summary>
[ImplicitStreamSubscription(BareSessionShape.Namespace)]
public sealed class FirstBareConsumerGrain : BareConsumerGrain;

/// <summary>The second of a bare producer's two consumers (the CRM exporter's place).</summary>
[ImplicitStreamSubscription(BareSessionShape.Namespace)]
public sealed class SecondBareConsumerGrain : BareConsumerGrain;
