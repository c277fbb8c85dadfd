using System.Security.Authentication;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace ClarityConnect.ClusterClient;

/// <summary>
/// Mutual TLS on every Orleans connection of a ClarityConnect cluster (<c>Microsoft.Orleans.Connections.Security</c>):
/// both ends present a certificate issued by the cluster CA and accept only a peer whose certificate chains to it.
/// The silo port accepts only silo certificates (server authentication usage); the gateway port accepts clients and
/// silos (client authentication usage); clients and silos dialing out accept only silo certificates.
/// </summary>
public static class ClusterTls
{
    /// <summary>Protocol versions allowed on cluster connections.</summary>
    public const SslProtocols Protocols = SslProtocols.Tls13 | SslProtocols.Tls12;

    /// <summary>The log category of refused connections.</summary>
    public const string LogCategory = "ClarityConnect.ClusterTls";

    /// <summary>Silo-to-silo and gateway connections of this silo use mutual TLS with <paramref name="certificates"/> (a silo certificate).</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        return silo.UseClusterTls(() => certificates);
    }

    /// <summary>
    /// As <see cref="UseClusterTls(ISiloBuilder, ClusterCertificates)"/>, with certificates read when the silo opens its
    /// ports rather than when it is configured (a silo host creates its embedded certificates only after its start-up
    /// checks passed).
    /// </summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, Func<ClusterCertificates> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        silo.Configure<SiloConnectionOptions>(connections =>
        {
            connections.ConfigureSiloInboundConnection(c => c.UseServerTls(Options(c, certificates(), ClusterPeerValidator.ServerAuthentication, "silo port")));
            connections.ConfigureGatewayInboundConnection(c => c.UseServerTls(Options(c, certificates(), ClusterPeerValidator.ClientAuthentication, "gateway port")));
            connections.ConfigureSiloOutboundConnection(c => c.UseClientTls(Options(c, certificates(), ClusterPeerValidator.ServerAuthentication, "connection to another silo")));
        });
        return silo;
    }

    /// <summary>This client's gateway connections use mutual TLS with <paramref name="certificates"/> (a client certificate).</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterCertificates certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        client.Configure<ClientConnectionOptions>(connections =>
            connections.ConfigureConnection(c => c.UseClientTls(Options(c, certificates, ClusterPeerValidator.ServerAuthentication, "connection to a gateway"))));
        return client;
    }

    private static TlsOptions Options(IConnectionBuilder connection, ClusterCertificates certificates, Oid peerUsage, string where)
    {
        var logger = connection.ApplicationServices.GetService<ILoggerFactory>()?.CreateLogger(LogCategory) ?? NullLogger.Instance;
        return new TlsOptions
        {
            LocalCertificate = certificates.Certificate,
            RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
            ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
            SslProtocols = Protocols,
            // The validation below ignores what the machine's trust store thinks (policy errors): only the cluster CA counts.
            RemoteCertificateValidation = (peer, chain, _) =>
            {
                if (ClusterPeerValidator.IsTrusted(peer, chain, certificates.Authorities, peerUsage, out var reason))
                {
                    return true;
                }

                logger.LogWarning("Refused a TLS peer on the {Where}: {Reason}", where, reason);
                return false;
            },
        };
    }
}
