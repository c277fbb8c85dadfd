namespace ClarityConnect.EndToEnd.Tests;

/// <summary>The silo process refuses to open its Orleans ports on the PostgreSql profile without the cluster's certificates.</summary>
public sealed class TransportSecurityTests
{
    [Fact]
    public async Task A_PostgreSql_silo_without_certificates_exits_with_one_line_naming_the_settings()
    {
        var logs = Path.Combine(Path.GetTempPath(), "clarityconnect-e2e", $"tls{Guid.NewGuid():N}"[..15]);
        Directory.CreateDirectory(logs);
        await using var silo = HostProcess.Start("silo-without-certificates", HostAssemblies.Silo, [], new Dictionary<string, string>
        {
            ["ClarityConnect__Storage__Profile"] = "PostgreSql",
            // Never reached: the transport is checked before anything connects or listens.
            ["ClarityConnect__Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
            ["ClarityConnect__Secrets__Key"] = Convert.ToBase64String(new byte[32]),
            ["Urls"] = "http://127.0.0.1:0",
        }, logs);

        var exitCode = await silo.WaitForExitAsync(MultiProcessCluster.StartTimeout);

        Assert.True(exitCode == 2, $"The silo exited with {exitCode}.{silo.Describe()}");
        var reason = Assert.Single(silo.Lines, l => l.Contains("ClarityConnect:Cluster:Tls:CertificateFile", StringComparison.Ordinal));
        Assert.Contains("ClarityConnect:Cluster:Tls:CaFile", reason, StringComparison.Ordinal);
        Assert.Contains("ClarityConnect:Cluster:AllowInsecureTransport=true", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(silo.Lines, l => l.Contains("   at ", StringComparison.Ordinal));
        Directory.Delete(logs, recursive: true);
    }
}
