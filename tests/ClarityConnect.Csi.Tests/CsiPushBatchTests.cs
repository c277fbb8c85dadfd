using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using ClarityConnect.TestDoubles;
using Orleans.TestingHost;

namespace ClarityConnect.Csi.Tests;

/// <summary>A CSI cluster with one more kind of CSI work, <see cref="HeldPushWork"/>, that can hold a batch and records each batch's size.</summary>
public sealed class CsiPushClusterFixture : CsiClusterFixture
{
    /// <summary>The silo's CSI push handler (the silo runs in this process).</summary>
    public CsiPushHandler Handler => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services
        .GetKeyedServices<IChangeEventHandler>(ChangeConsumers.Csi).OfType<CsiPushHandler>().Single();

    protected override void AddConfigurators(TestClusterBuilder builder)
    {
        base.AddConfigurators(builder);
        builder.AddSiloBuilderConfigurator<HeldPushWorkConfigurator>();
    }

    private sealed class HeldPushWorkConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton<ICsiPushWork, HeldPushWork>();
            silo.AddIncomingGrainCallFilter<HeldCsiExportStarts>();
        }
    }
}

/// <summary>While closed, holds every start of a CSI export (an upload's first attempt runs inside it).</summary>
public sealed class HeldCsiExportStarts : IIncomingGrainCallFilter
{
    public static HoldGate Starts { get; } = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(IExportGrain.StartAsync)
            && context.TargetId.Key.ToString()!.StartsWith(IntegrationNames.Csi + "/", StringComparison.Ordinal))
        {
            await Starts.PassAsync();
        }

        await context.Invoke();
    }
}

/// <summary>Records how many events each batch of the CSI push carried; while closed, a batch waits.</summary>
public sealed class HeldPushWork : ICsiPushWork
{
    private static readonly Lock Gate = new();
    private static readonly List<int> Sizes = [];

    public static IReadOnlyList<int> BatchSizes
    {
        get
        {
            lock (Gate)
            {
                return [.. Sizes];
            }
        }
    }

    public static HoldGate Batches { get; } = new();

    public async Task HandleAsync(IReadOnlyList<ChangeEvent> changes, CsiSettings settings)
    {
        lock (Gate)
        {
            Sizes.Add(changes.Count);
        }

        await Batches.PassAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CsiPushCollection : ICollectionFixture<CsiPushClusterFixture>
{
    public const string Name = "csi push cluster";
}

/// <summary>The CSI pusher hands events over in batches: one settings read, one queue call per queue, per batch.</summary>
[Collection(CsiPushCollection.Name)]
public sealed class CsiPushBatchTests(CsiPushClusterFixture fixture)
{
    [Fact]
    public async Task Events_of_entities_changing_meanwhile_are_pushed_as_one_batch_and_reach_csi_complete_and_in_order()
    {
        var run = "push-" + Guid.NewGuid().ToString("n")[..8];
        HeldPushWork.Batches.Close();
        try
        {
            // The first session's start holds a batch; the other sessions' starts pile up behind it.
            await StartAsync($"{run}-s0");
            await Eventually.TrueAsync(() => Task.FromResult(HeldPushWork.Batches.Holding), "a CSI push batch is held");
            await Task.WhenAll(Enumerable.Range(1, 4).Select(i => StartAsync($"{run}-s{i}")));
            await Eventually.TrueAsync(() => Task.FromResult(fixture.Handler.Waiting >= 2), "other sessions' events wait for the next batch");
            var before = HeldPushWork.BatchSizes.Count;
            HeldPushWork.Batches.Open();

            await Eventually.TrueAsync(() => Task.FromResult(Enumerable.Range(0, 5).All(i => Sequences($"{run}-s{i}").SequenceEqual([1L, 2L]))),
                "CSI received each session's two events, in order", TimeSpan.FromSeconds(60));
            Assert.Contains(HeldPushWork.BatchSizes.Skip(before), size => size >= 2);
        }
        finally
        {
            HeldPushWork.Batches.Open();
        }
    }

    [Fact]
    public async Task A_completed_sessions_upload_in_progress_holds_up_no_other_entitys_events()
    {
        var run = "upload-" + Guid.NewGuid().ToString("n")[..8];
        await fixture.ConfigureAsync(s => s with
        {
            SendSessionTranscript = true, FtpHostname = "127.0.0.1", FtpUsername = "csi", FtpPassword = "secret",
        });
        HeldCsiExportStarts.Starts.Close();
        try
        {
            // The chat's completion starts its transcript upload, which the gate holds as a slow FTP server would.
            await CsiUploadSessions.CallAsync(fixture.Grains, Path.GetTempPath(), SessionChannel.Chat, 0, idPrefix: run + "-chat-");
            await Eventually.TrueAsync(() => Task.FromResult(HeldCsiExportStarts.Starts.Holding), "the chat's CSI upload is under way");

            await StartAsync($"{run}-s1");
            await Eventually.TrueAsync(() => Task.FromResult(Sequences($"{run}-s1").SequenceEqual([1L, 2L])),
                "another session's events reach CSI while the upload is under way", TimeSpan.FromSeconds(30));
        }
        finally
        {
            HeldCsiExportStarts.Starts.Open();
            await fixture.ConfigureAsync(s => s);
        }
    }

    private async Task StartAsync(string sessionId)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>(sessionId);
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "+1 415 555 0100" });
        await session.EnqueueAsync("Support");
    }

    private List<long> Sequences(string entityId) =>
        fixture.Csi.Events.Where(e => (string?)e["entityId"] == entityId).Select(e => (long)e["sequence"]!).Distinct().ToList();
}
