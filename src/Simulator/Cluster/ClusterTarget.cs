using System.Net;
using System.Net.Sockets;
using ClarityConnect.Simulator.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ClarityConnect.Simulator.Cluster;

/// <summary>How the client finds the cluster: a gateway endpoint, or the ADO.NET (PostgreSQL) membership table.</summary>
public sealed class ClusterTarget
{
    private readonly IPEndPoint? _gateway;
    private readonly string? _postgres;
    private readonly string _clusterId;
    private readonly string _serviceId;

    private ClusterTarget(IPEndPoint? gateway, string? postgres, string clusterId, string serviceId, string description)
    {
        _gateway = gateway;
        _postgres = postgres;
        _clusterId = clusterId;
        _serviceId = serviceId;
        Description = description;
    }

    /// <summary>Where the cluster is, for messages; never contains a password.</summary>
    public string Description { get; }

    /// <summary>What to check when the cluster cannot be reached.</summary>
    public string Hint => _postgres is null
        ? "Is a silo running? Start one with: dotnet run --project src/Silo"
        : "Is the database reachable, and a silo with the PostgreSQL storage profile running against it?";

    /// <summary>The target the options name; throws <see cref="InvalidOptionException"/> when the gateway host does not resolve.</summary>
    public static ClusterTarget From(SimulatorOptions options)
    {
        var ids = $"cluster id '{options.ClusterId}', service id '{options.ServiceId}'";
        if (options.Postgres is { } postgres)
        {
            var safe = new NpgsqlConnectionStringBuilder(postgres) { Password = null };
            return new ClusterTarget(null, postgres, options.ClusterId, options.ServiceId,
                $"PostgreSQL membership table ({safe.ConnectionString}), {ids}");
        }

        var text = options.Gateway ?? SimulatorOptions.DefaultGateway;
        if (!GatewayAddress.TryParse(text, out var address, out var problem))
        {
            throw new InvalidOptionException($"--gateway: {problem}.");
        }

        IPEndPoint endpoint;
        try
        {
            endpoint = address.Resolve();
        }
        catch (SocketException ex)
        {
            throw new InvalidOptionException($"--gateway: cannot resolve host '{address.Host}' ({ex.Message}).");
        }

        return new ClusterTarget(endpoint, null, options.ClusterId, options.ServiceId, $"gateway {address}, {ids}");
    }

    /// <summary>Configures the Orleans client's clustering and ids.</summary>
    public void Configure(IClientBuilder client)
    {
        if (_postgres is not null)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = _postgres;
            });
        }
        else if (IPAddress.IsLoopback(_gateway!.Address))
        {
            client.UseLocalhostClustering(_gateway.Port, _serviceId, _clusterId);
        }
        else
        {
            client.UseStaticClustering(_gateway);
        }

        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = _clusterId;
            o.ServiceId = _serviceId;
        });
    }
}
