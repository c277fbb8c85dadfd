using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClarityConnect.AdminApi;

/// <summary>
/// Ready only when the key that encrypts stored secrets works: a value encrypts and decrypts with it. A silo whose key is
/// unusable would answer 500 to every settings write, so a load balancer must not send it traffic. Hosts that hold the
/// key (the silo) add it; the standalone admin API holds none.
/// </summary>
public sealed class SecretKeyReadinessCheck(IServiceProvider services) : IHealthCheck
{
    private const string Probe = "readiness probe";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Resolved per check: the protector reads the key when it is created, and that is what can fail.
            var protector = services.GetRequiredService<ISecretProtector>();
            var roundTrip = protector.Unprotect(protector.Protect(Probe, Probe), Probe);
            return Task.FromResult(roundTrip == Probe
                ? HealthCheckResult.Healthy("The secret key encrypts and decrypts.")
                : HealthCheckResult.Unhealthy("The secret key does not decrypt what it encrypted."));
        }
        catch (Exception unusable) when (unusable is InvalidOperationException or ArgumentException or System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The loader's messages name the setting (ClarityConnect:Secrets:Key or :KeyFile), never the key.
            return Task.FromResult(HealthCheckResult.Unhealthy($"The secret key is unusable: {unusable.Message}"));
        }
    }
}
