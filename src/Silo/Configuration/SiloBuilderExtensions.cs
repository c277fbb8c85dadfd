using ClarityConnect.Grains.Csi;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.ClusterClient;
using ClarityConnect.Silo.Tls;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Grains;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Telemetry;
using ClarityConnect.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using ClarityConnect.Grains.Listings;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Providers;
using Orleans.Storage;

namespace ClarityConnect.Silo.Configuration;

/// <summary>Configures a ClarityConnect silo; shared by the host and the tests so both run the same cluster.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>The file under the data folder holding the embedded profile's secret-encryption key.</summary>
    public const string EmbeddedKeyFileName = "secrets.key";

    /// <summary>Clustering, transport security, storage, streams and grain services for <paramref name="options"/>.</summary>
    public static ISiloBuilder AddClarityConnect(this ISiloBuilder silo, ClarityConnectOptions options) =>
        silo.AddClarityConnect(options, SiloTransport.Resolve(options));

    /// <summary>Clustering, storage, streams and grain services for <paramref name="options"/>, with <paramref name="transport"/> on the Orleans ports.</summary>
    public static ISiloBuilder AddClarityConnect(this ISiloBuilder silo, ClarityConnectOptions options, SiloTransport transport)
    {
        var cluster = options.Cluster;
        if (options.Storage.Profile == StorageProfile.Embedded)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }
        else
        {
            silo.Configure<ClusterOptions>(c =>
            {
                c.ClusterId = cluster.ClusterId;
                c.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(
                string.IsNullOrWhiteSpace(cluster.AdvertisedIp) ? System.Net.Dns.GetHostName() : cluster.AdvertisedIp,
                cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
            if (!string.IsNullOrWhiteSpace(cluster.ListenAddress))
            {
                var listen = System.Net.IPAddress.Parse(cluster.ListenAddress);
                silo.Configure<EndpointOptions>(e =>
                {
                    e.SiloListeningEndpoint = new System.Net.IPEndPoint(listen, cluster.SiloPort);
                    e.GatewayListeningEndpoint = new System.Net.IPEndPoint(listen, cluster.GatewayPort);
                });
            }
        }

        // Orleans stops gracefully until the host's shutdown token fires, then at once: without a bound, calls stuck on a
        // peer that was killed keep a stopping silo for Orleans' 30-second response timeout (docs/decisions.md, issue 13).
        silo.Services.Configure<HostOptions>(host => host.ShutdownTimeout = cluster.ShutdownTimeout);
        return silo.AddClarityConnectTransport(transport).AddClarityConnectStorage(options.Storage).AddClarityConnectCore();
    }

    /// <summary>Mutual TLS on the silo and gateway ports with <paramref name="transport"/>'s certificates (none: plain TCP, warned about at start).</summary>
    public static ISiloBuilder AddClarityConnectTransport(this ISiloBuilder silo, SiloTransport transport)
    {
        silo.Services.AddSingleton(transport);
        silo.Services.AddHostedService<TransportReport>();
        if (transport.IsSecured)
        {
            silo.UseClusterTls(() => transport.Certificates!);
        }

        return silo;
    }

    /// <summary>Grain state and reminders for the storage profile (and, for PostgreSQL, clustering).</summary>
    public static ISiloBuilder AddClarityConnectStorage(this ISiloBuilder silo, ClarityConnectOptions.StorageSettings storage)
    {
        if (storage.Profile == StorageProfile.Embedded)
        {
            var dataDirectory = Path.GetFullPath(storage.DataDirectory);
            silo.AddSqliteGrainStorageAsDefault(o => o.DataDirectory = dataDirectory);
            silo.Services.AddSingleton<IListingStore>(sp =>
            {
                var database = new SqliteDatabase(sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
                return SqlListingStore.ForSqlite(database, ServiceId(sp));
            });
            silo.UseSqliteReminderService(o => o.DataDirectory = dataDirectory);
            silo.Services.PostConfigure<SecretProtectionOptions>(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Key) && string.IsNullOrWhiteSpace(o.KeyFile))
                {
                    o.KeyFile = Path.Combine(dataDirectory, EmbeddedKeyFileName);
                    o.CreateKeyFileIfMissing = true;
                }
            });
        }
        else
        {
            silo.UsePostgreSqlStorage(storage.ConnectionString!);
            silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(storage.ConnectionString!));
            silo.Services.AddSingleton<IListingStore>(sp => SqlListingStore.ForPostgreSql(sp.GetRequiredService<NpgsqlDataSource>(), ServiceId(sp)));
        }

        return silo;
    }

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;

    // At most this many events of one stream go to a consumer in one delivery; a life cycle has ten.
    private const int ChangeEventDeliveryBatch = 64;

    /// <summary>
    /// How long the change streams' cache keeps an event after it was queued. Orleans' defaults (five minutes, and until
    /// it is 30 minutes older than the newest event) keep the last half hour of every event in memory: 1.8 million at
    /// 1,000 events/s. Nothing reads them back: each consumer gets an event within a pull period, one that missed it
    /// fills the gap from its producer's outbox, and the producer republishes what is unacknowledged every
    /// <c>RedeliveryPeriod</c> (10 s), so three periods are plenty.
    /// </summary>
    public static readonly TimeSpan ChangeEventCacheRetention = TimeSpan.FromSeconds(30);

    /// <summary>Change-event streams, the grain storage serializer and grain services; independent of the profile.</summary>
    public static ISiloBuilder AddClarityConnectCore(this ISiloBuilder silo)
    {
        // Memory streams only fan events out; durability comes from each entity's outbox and redelivery reminder.
        // Every consumer subscribes implicitly, so the pulling agents find them from the grain types alone (no pub-sub
        // rendezvous grain, its stored state and a registration per stream), and an agent hands a consumer every event
        // of its stream that waits in one call.
        silo.AddMemoryStreams(ChangeStreams.ProviderName, streams =>
        {
            streams.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly);
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.BatchContainerBatchSize = ChangeEventDeliveryBatch));
            streams.ConfigureCacheEviction(eviction => eviction.Configure(o =>
            {
                o.DataMinTimeInCache = ChangeEventCacheRetention;
                o.DataMaxAgeInCache = ChangeEventCacheRetention;
            }));
        });
        silo.AddMemoryGrainStorage("PubSubStore");
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddClarityConnectGrains(silo.Configuration);
        // Trace context flows with every grain call; spans are made only when a tracer listens (AddClarityConnectTelemetry).
        silo.AddActivityPropagation();
        silo.AddIncomingGrainCallFilter<LogScopeGrainCallFilter>();
        // The dashboard's profiler runs only while someone looks at the dashboard; live log streaming stays off.
        silo.AddDashboard(o => o.HideTrace = true);
        silo.Services.AddOptions<ReminderOptions>()
            .Configure<IOptions<ChangeEventOptions>, IOptions<AcdOptions>>((reminders, changes, acd) =>
            {
                var shortest = TimeSpan.FromTicks(Math.Min(changes.Value.RedeliveryPeriod.Ticks, acd.Value.RetryPeriod.Ticks));
                if (shortest < reminders.MinimumReminderPeriod)
                {
                    reminders.MinimumReminderPeriod = shortest;
                }
            });
        return silo;
    }
}
