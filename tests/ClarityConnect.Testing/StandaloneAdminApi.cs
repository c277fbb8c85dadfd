using ClarityConnect.AdminApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Testing;

/// <summary>
/// The standalone admin API host (<see cref="AdminApiHost"/>), as <c>dotnet run --project src/AdminApi</c> runs it, on a
/// loopback port, an Orleans client of a test cluster's gateway (the cluster must accept external clients).
/// </summary>
public static class StandaloneAdminApi
{
    /// <summary>Builds and starts the host with the admin key <paramref name="apiKey"/> and <paramref name="extraArgs"/>; returns it and its base address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        ClusterFixture cluster, string apiKey, IEnumerable<string> extraArgs, Action<WebApplicationBuilder>? configure = null)
    {
        var gateway = cluster.Cluster.Primary!.GatewayAddress!.Endpoint;
        var (app, errors) = AdminApiHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--ClarityConnect:Cluster:ClusterId", cluster.Cluster.Options.ClusterId,
            "--ClarityConnect:Cluster:ServiceId", cluster.Cluster.Options.ServiceId,
            "--ClarityConnect:AdminApi:Gateways:0", $"127.0.0.1:{gateway.Port}",
            // The client certificate the embedded silos made, as an operator would point the admin API at it.
            "--ClarityConnect:Cluster:Tls:Directory", Path.Combine(cluster.DataDirectory, "tls"),
            "--ClarityConnect:AdminApi:ApiKeyHashes:0", ApiKeyStore.Hash(apiKey),
            .. extraArgs,
        ], configure);
        if (app is null)
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
