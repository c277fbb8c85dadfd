using System.Security.Cryptography;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>A silo whose secret key does not work is not ready: every settings write would fail.</summary>
public sealed class SecretKeyReadinessTests
{
    [Fact]
    public async Task Ready_when_the_key_encrypts_and_decrypts()
    {
        var result = await CheckAsync(new SecretProtectionOptions { Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Not_ready_when_the_key_file_is_damaged_naming_the_setting_not_the_key()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "damaged-key");

            var result = await CheckAsync(new SecretProtectionOptions { KeyFile = file });

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("ClarityConnect:Secrets:KeyFile", result.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("damaged-key", result.Description, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<HealthCheckResult> CheckAsync(SecretProtectionOptions options)
    {
        await using var services = new ServiceCollection()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(options))
            .AddSingleton<ISecretProtector, AesGcmSecretProtector>()
            .BuildServiceProvider();
        return await new SecretKeyReadinessCheck(services).CheckHealthAsync(new HealthCheckContext());
    }
}
