using ClarityConnect.Silo.Configuration;

namespace ClarityConnect.Silo;

/// <summary>Logs, once the silo is up, where its data lives and which ports it listens on.</summary>
public sealed class StartupReport(
    ClarityConnectOptions options,
    IHostApplicationLifetime lifetime,
    Microsoft.AspNetCore.Hosting.Server.IServer server,
    ILogger<StartupReport> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Report);
        lifetime.ApplicationStopping.Register(() => logger.LogInformation("ClarityConnect silo stopping"));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        var http = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        var storage = options.Storage.Profile == StorageProfile.Embedded
            ? $"embedded (SQLite) in {Path.GetFullPath(options.Storage.DataDirectory)}"
            : $"PostgreSQL at {DescribePostgres(options.Storage.ConnectionString!)}";
        logger.LogInformation(
            "ClarityConnect silo started. Cluster {ClusterId}/{ServiceId}; storage {Storage}; silo port {SiloPort}; gateway port {GatewayPort} (Orleans clients); HTTP {Http}. Press Ctrl-C to stop.",
            options.Cluster.ClusterId, options.Cluster.ServiceId, storage, options.Cluster.SiloPort, options.Cluster.GatewayPort,
            http is null ? "-" : string.Join(", ", http));
        // Last, so the start-up output ends with what a new user does next.
        logger.LogInformation("{Website}", ClarityConnect.AdminApi.Website.AdminWebsite.StartupHint(http ?? []));
    }

    // Host, port and database only: the connection string may carry a password.
    private static string DescribePostgres(string connectionString)
    {
        var parts = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{parts.Host}:{parts.Port}/{parts.Database}";
    }
}
