using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ClarityConnect.Silo.Tls;

/// <summary>Logs at every start how the silo's Orleans connections are secured, where the certificates are and when they expire.</summary>
public sealed class TransportReport(SiloTransport transport, IOptions<EndpointOptions> endpoints, ILogger<TransportReport> logger) : IHostedService
{
    /// <summary>A certificate closer to expiry than this is warned about.</summary>
    public static readonly TimeSpan WarnBefore = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var e = endpoints.Value;
        var silo = e.SiloListeningEndpoint?.ToString() ?? $"{e.AdvertisedIPAddress}:{e.SiloPort}";
        var gateway = e.GatewayListeningEndpoint?.ToString() ?? $"{e.AdvertisedIPAddress}:{e.GatewayPort}";
        if (transport.Certificates is not { } certificates)
        {
            logger.LogWarning(
                "INSECURE TRANSPORT ({Setting}): the silo port {Silo} and gateway port {Gateway} are neither encrypted nor authenticated; anyone who reaches them can read and change every setting and session, bypassing the admin API. Never run like this outside an isolated test network.",
                transport.Note, silo, gateway);
            return Task.CompletedTask;
        }

        logger.LogInformation(
            "Cluster transport: mutual TLS on the silo port {Silo} and gateway port {Gateway}, peers must present a certificate of the cluster CA; {Certificates}; {Note}",
            silo, gateway, certificates.Describe(), transport.Note);
        if (certificates.ExpiresUtc - DateTime.UtcNow < WarnBefore)
        {
            logger.LogWarning(
                "A cluster certificate expires on {Expires:u}: after that silos and clients cannot connect. Issue new ones (docs/operations.md, \"Security\").",
                certificates.ExpiresUtc);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
