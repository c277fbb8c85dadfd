using System.Net;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ClarityConnect.ClusterClient;

/// <summary>
/// How an Orleans client (the simulator, the standalone admin API, the benchmark) finds a ClarityConnect cluster:
/// the PostgreSQL membership table (ADO.NET clustering, invariant <c>Npgsql</c>) or a list of gateways.
/// </summary>
public sealed record ClusterConnection
{
    /// <summary>The Orleans cluster id; the silos' <c>ClarityConnect:Cluster:ClusterId</c>.</summary>
    public required string ClusterId { get; init; }

    /// <summary>The Orleans service id; the silos' <c>ClarityConnect:Cluster:ServiceId</c>.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The PostgreSQL connection string whose membership table lists the gateways; null to use <see cref="Gateways"/>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The gateways, when not found through PostgreSQL.</summary>
    public IReadOnlyList<IPEndPoint> Gateways { get; init; } = [];

    /// <summary>
    /// This client's certificate and the cluster CA: the gateway connections use mutual TLS. Null only when the cluster
    /// runs with <c>ClarityConnect:Cluster:AllowInsecureTransport=true</c> (plain TCP, nothing authenticated).
    /// </summary>
    public ClusterCertificates? Certificates { get; init; }

    /// <summary>Where the cluster is, for messages; never a password.</summary>
    public string Description
    {
        get
        {
            var ids = $"cluster id '{ClusterId}', service id '{ServiceId}', {(Certificates is null ? "plain TCP (insecure transport allowed)" : "mutual TLS")}";
            return PostgresConnectionString is { } postgres
                ? $"PostgreSQL membership table ({new NpgsqlConnectionStringBuilder(postgres) { Password = null }.ConnectionString}), {ids}"
                : $"gateway {string.Join(", ", Gateways)}, {ids}";
        }
    }

    /// <summary>Configures the client's clustering, ids and transport security.</summary>
    public void Configure(IClientBuilder client)
    {
        if (PostgresConnectionString is not null)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = PostgresConnectionString;
            });
        }
        else if (Gateways is [var only] && IPAddress.IsLoopback(only.Address))
        {
            client.UseLocalhostClustering(only.Port, ServiceId, ClusterId);
        }
        else
        {
            client.UseStaticClustering(Gateways.ToArray());
        }

        if (Certificates is not null)
        {
            client.UseClusterTls(Certificates);
        }

        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = ClusterId;
            o.ServiceId = ServiceId;
        });
    }
}
