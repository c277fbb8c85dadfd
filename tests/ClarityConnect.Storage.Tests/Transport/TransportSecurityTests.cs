using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.ClusterClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace ClarityConnect.Storage.Tests.Transport;

/// <summary>
/// What a rogue Orleans client can do against a silo of <typeparamref name="TFixture"/>'s profile: nothing without the
/// cluster's client certificate (issue 12: a 25-line client changed the platform settings through the gateway).
/// </summary>
public abstract class TransportSecurityTests<TFixture>(TFixture silo) where TFixture : TlsSiloFixture
{
    // Bounds a refused call that would otherwise wait for a connection forever; a refusal comes long before it.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task A_client_without_TLS_cannot_change_or_read_the_settings()
    {
        silo.Require();
        await AssertRefusedAsync(client => silo.Connection(null).Configure(client));
    }

    [SkippableFact]
    public async Task A_client_that_presents_no_certificate_cannot_change_or_read_the_settings()
    {
        silo.Require();
        await AssertRefusedAsync(client =>
        {
            silo.Connection(null).Configure(client);
            // Speaks TLS and even accepts the silo's certificate, but has none of its own to show.
            client.Configure<ClientConnectionOptions>(c => c.ConfigureConnection(b => b.UseClientTls(new TlsOptions
            {
                RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
                ClientCertificateMode = RemoteCertificateMode.AllowCertificate,
                RemoteCertificateValidation = (_, _, _) => true,
            })));
        });
    }

    [SkippableFact]
    public async Task A_client_with_a_certificate_from_another_CA_cannot_change_or_read_the_settings()
    {
        silo.Require();
        await AssertRefusedAsync(client => silo.Connection(TlsSiloFixture.ClientCertificates(silo.ForeignFolder)).Configure(client));
    }

    [SkippableFact]
    public async Task A_client_with_a_foreign_certificate_that_trusts_any_silo_cannot_change_or_read_the_settings()
    {
        silo.Require();
        var foreign = TlsSiloFixture.ClientCertificates(silo.ForeignFolder);
        await AssertRefusedAsync(client =>
        {
            silo.Connection(null).Configure(client);
            client.Configure<ClientConnectionOptions>(c => c.ConfigureConnection(b => b.UseClientTls(new TlsOptions
            {
                LocalCertificate = foreign.Certificate,
                RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
                ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
                RemoteCertificateValidation = (_, _, _) => true,
            })));
        });
    }

    [SkippableFact]
    public async Task A_client_with_the_clusters_client_certificate_reads_and_changes_the_settings()
    {
        silo.Require();
        using var client = await StartClientAsync(c => silo.Connection(TlsSiloFixture.ClientCertificates(silo.CertificateFolder)).Configure(c));
        var platform = client.Services.GetRequiredService<IClusterClient>().GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform);
        var before = await platform.GetAsync();
        var url = $"https://admin-{Guid.NewGuid():N}.example.com";
        var updated = await platform.UpdateAsync(new PlatformSettings { AdminWebsiteBaseUrl = url }, before.Version);
        Assert.Equal(before.Version + 1, updated.Version);
        Assert.Equal(url, ((PlatformSettings)(await platform.GetAsync()).Settings).AdminWebsiteBaseUrl);
        await client.StopAsync();
    }

    [SkippableFact]
    public async Task The_silo_port_refuses_a_client_certificate_of_the_cluster()
    {
        silo.Require();
        var certificates = TlsSiloFixture.ClientCertificates(silo.CertificateFolder);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, silo.SiloPort);
        await using var tls = new SslStream(tcp.GetStream());
        var refusal = await Record.ExceptionAsync(async () =>
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = [certificates.Certificate],
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                ApplicationProtocols = [new SslApplicationProtocol("Orleans1")],
            });
            // With TLS 1.3 the server judges the client's certificate after the client has finished its handshake:
            // the refusal arrives on the first read.
            if (await tls.ReadAsync(new byte[1]).AsTask().WaitAsync(Bound) == 0)
            {
                throw new IOException("The silo closed the connection.");
            }
        });
        Assert.True(refusal is IOException or AuthenticationException, $"Expected the silo port to refuse the client certificate, got {refusal}");
    }

    [SkippableFact]
    public void The_silo_listens_on_its_advertised_loopback_address_not_on_every_interface()
    {
        silo.Require();
        var endpoints = silo.SiloServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<EndpointOptions>>().Value;
        foreach (var listening in new[] { endpoints.SiloListeningEndpoint, endpoints.GatewayListeningEndpoint })
        {
            Assert.True(IPAddress.IsLoopback(listening?.Address ?? endpoints.AdvertisedIPAddress), $"listens on {listening}, advertised {endpoints.AdvertisedIPAddress}");
        }
    }

    private async Task AssertRefusedAsync(Action<IClientBuilder> configure)
    {
        using var trusted = await StartClientAsync(c => silo.Connection(TlsSiloFixture.ClientCertificates(silo.CertificateFolder)).Configure(c));
        var platform = trusted.Services.GetRequiredService<IClusterClient>().GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform);
        var before = await platform.GetAsync();

        using var rogue = BuildClient(configure);
        var connecting = await Record.ExceptionAsync(() => rogue.StartAsync().WaitAsync(Bound));
        Assert.NotNull(connecting);
        Assert.IsNotType<TimeoutException>(connecting);
        // A client that never connected does not even know which grain class implements the interface; either way no call gets through.
        var grains = rogue.Services.GetRequiredService<IClusterClient>();
        var update = await Record.ExceptionAsync(() => grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform)
            .UpdateAsync(new PlatformSettings { AdminWebsiteBaseUrl = "https://attacker.example" }, before.Version).WaitAsync(Bound));
        var read = await Record.ExceptionAsync(() => grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform).GetAsync().WaitAsync(Bound));
        Assert.NotNull(update);
        Assert.IsNotType<TimeoutException>(update);
        Assert.NotNull(read);
        Assert.IsNotType<TimeoutException>(read);

        var after = await platform.GetAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Settings, after.Settings);
        await trusted.StopAsync();
    }

    private static async Task<IHost> StartClientAsync(Action<IClientBuilder> configure)
    {
        var host = BuildClient(configure);
        await host.StartAsync();
        return host;
    }

    private static IHost BuildClient(Action<IClientBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter(_ => false);
        builder.UseOrleansClient(client =>
        {
            configure(client);
            // One attempt: a refused connection is the answer, not a reason to wait.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        return builder.Build();
    }
}
