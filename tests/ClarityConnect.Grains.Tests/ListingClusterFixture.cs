using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Grains.Listings;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>The core cluster with its listing store observed: <see cref="ObservedListingStore"/> can hold or fail writes.</summary>
public sealed class ListingClusterFixture : CoreClusterFixture
{
    /// <summary>The silo's listing writer (the silo runs in this process).</summary>
    public ListingWriter Writer => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<ListingWriter>();

    protected override void AddConfigurators(TestClusterBuilder builder)
    {
        base.AddConfigurators(builder);
        builder.AddSiloBuilderConfigurator<ObservedListingConfigurator>();
    }

    private sealed class ObservedListingConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var real = silo.Services.Last(d => d.ServiceType == typeof(IListingStore));
            silo.Services.Remove(real);
            silo.Services.AddSingleton<IListingStore>(sp => new ObservedListingStore((IListingStore)real.ImplementationFactory!(sp)));
        }
    }
}

/// <summary>Passes listing writes to the real store, recording each write's line count; can hold writes or fail the next ones.</summary>
public sealed class ObservedListingStore(IListingStore inner) : IListingStore
{
    private static readonly Lock Gate = new();
    private static readonly List<int> SessionWrites = [];
    private static int _failures;

    /// <summary>How many session lines each session write carried, in order.</summary>
    public static IReadOnlyList<int> SessionWriteSizes
    {
        get
        {
            lock (Gate)
            {
                return [.. SessionWrites];
            }
        }
    }

    /// <summary>Holds session writes while closed.</summary>
    public static HoldGate Writes { get; } = new();

    /// <summary>Makes the next <paramref name="count"/> session writes fail, as a database outage would.</summary>
    public static void FailNext(int count)
    {
        lock (Gate)
        {
            _failures = count;
        }
    }

    /// <summary>How many armed failures have not happened yet.</summary>
    public static int FailuresLeft
    {
        get
        {
            lock (Gate)
            {
                return _failures;
            }
        }
    }

    public async Task RecordSessionsAsync(IReadOnlyList<SessionSummary> sessions, CancellationToken cancellationToken)
    {
        await Writes.PassAsync();
        lock (Gate)
        {
            if (_failures > 0)
            {
                _failures--;
                throw new InvalidOperationException("simulated database outage");
            }
        }

        await inner.RecordSessionsAsync(sessions, cancellationToken);
        lock (Gate)
        {
            SessionWrites.Add(sessions.Count);
        }
    }

    public Task RecordExportsAsync(IReadOnlyList<ExportSummary> exports, CancellationToken cancellationToken) => inner.RecordExportsAsync(exports, cancellationToken);

    public Task<ListingPage<SessionSummary>> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken) => inner.ListSessionsAsync(query, cancellationToken);

    public Task<ListingPage<ExportSummary>> ListExportsAsync(ExportQuery query, CancellationToken cancellationToken) => inner.ListExportsAsync(query, cancellationToken);

    public Task<IReadOnlyList<string>> ListQueuesAsync(int limit, CancellationToken cancellationToken) => inner.ListQueuesAsync(limit, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
}
