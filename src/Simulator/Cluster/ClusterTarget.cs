using System.Net.Sockets;
using ClarityConnect.ClusterClient;
using ClarityConnect.Simulator.Options;
using Orleans.Hosting;

namespace ClarityConnect.Simulator.Cluster;

/// <summary>How the simulator finds the cluster (<see cref="ClusterConnection"/>), with what to check when it cannot.</summary>
public sealed class ClusterTarget
{
    private readonly ClusterConnection _connection;

    private ClusterTarget(ClusterConnection connection) => _connection = connection;

    /// <summary>Where the cluster is, for messages; never contains a password.</summary>
    public string Description => _connection.Description;

    /// <summary>What to check when the cluster cannot be reached.</summary>
    public string Hint => _connection.PostgresConnectionString is null
        ? "Is a silo running? Start one with: dotnet run --project src/Silo. A refused TLS handshake means the client certificate is not from this cluster's CA."
        : "Is the database reachable, and a silo with the PostgreSQL storage profile running against it?";

    /// <summary>The target the options name; throws <see cref="InvalidOptionException"/> when the gateway host does not resolve.</summary>
    public static ClusterTarget From(SimulatorOptions options)
    {
        if (options.Postgres is { } postgres)
        {
            return new ClusterTarget(new ClusterConnection
            {
                ClusterId = options.ClusterId, ServiceId = options.ServiceId, PostgresConnectionString = postgres, Certificates = Certificates(options, localGateway: false),
            });
        }

        var text = options.Gateway ?? SimulatorOptions.DefaultGateway;
        if (!GatewayAddress.TryParse(text, out var address, out var problem))
        {
            throw new InvalidOptionException($"--gateway: {problem}.");
        }

        System.Net.IPEndPoint gateway;
        try
        {
            gateway = address.Resolve();
        }
        catch (SocketException ex)
        {
            throw new InvalidOptionException($"--gateway: cannot resolve host '{address.Host}' ({ex.Message}).");
        }

        return new ClusterTarget(new ClusterConnection
        {
            ClusterId = options.ClusterId, ServiceId = options.ServiceId, Gateways = [gateway],
            Certificates = Certificates(options, System.Net.IPAddress.IsLoopback(gateway.Address)),
        });
    }

    // The client certificate: from the options, else (for a gateway on this machine) the embedded silo's data/tls.
    private static ClusterCertificates? Certificates(SimulatorOptions options, bool localGateway)
    {
        try
        {
            return ClientCertificateLocator.Resolve(
                options.Tls, options.AllowInsecureTransport, localGateway,
                new ClientSettingNames(SimulatorOptionsValidator.TlsOptionName, OptionCatalog.Describe(nameof(SimulatorOptions.AllowInsecureTransport))),
                Directory.GetCurrentDirectory());
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOptionException(ex.Message);
        }
    }

    /// <summary>Configures the Orleans client's clustering and ids.</summary>
    public void Configure(IClientBuilder client) => _connection.Configure(client);
}
