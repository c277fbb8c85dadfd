using ClarityConnect.Abstractions.Listings;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace ClarityConnect.AdminApi;

/// <summary>
/// Ready when the cluster answers (at least one active silo) and a silo reaches its storage. The same check serves the
/// silo's co-hosted API and the standalone admin API, which reaches the cluster as an Orleans client.
/// </summary>
public sealed class ClusterReadinessCheck(IGrainFactory grains) : IHealthCheck
{
    /// <summary>How long each step may take before the check reports it as failed.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int silos;
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(StepTimeout, cancellationToken);
            silos = hosts.Count;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The cluster is not reachable: {failure.GetType().Name}.");
        }

        if (silos == 0)
        {
            return HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }

        var data = new Dictionary<string, object> { ["activeSilos"] = silos };
        try
        {
            await grains.GetGrain<IListingGrain>(0).CheckStorageAsync().WaitAsync(StepTimeout, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The cluster's storage is not reachable: {failure.GetType().Name}.", data: data);
        }

        return HealthCheckResult.Healthy($"{silos} active silo(s); storage reachable.", data);
    }
}
