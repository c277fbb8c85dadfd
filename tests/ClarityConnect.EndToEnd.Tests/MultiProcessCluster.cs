using System.Net;
using System.Security.Cryptography;
using System.Text;
using ClarityConnect.Storage.Tests.PostgreSql;
using ClarityConnect.TestDoubles;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// The docker-compose topology without containers: a fresh PostgreSQL database migrated by <c>ClarityConnect.Silo.dll
/// migrate</c>, certificates made by <c>ClarityConnect.Silo.dll certificates</c>, silo processes on loopback (PostgreSql
/// profile, their own ports, one secret-protection key, mutual TLS with their silo certificate) and the standalone admin
/// API process (with the client certificate), every one a separate <c>dotnet</c> process started from its build output.
/// </summary>
public sealed class MultiProcessCluster : IAsyncDisposable
{
    /// <summary>How long the hosts get to start on a busy two-core machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _run = $"e2e{Guid.NewGuid():N}"[..15];
    private readonly string _apiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _secretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly List<HostProcess> _silos = [];
    private readonly Dictionary<HostProcess, Uri> _siloUrls = [];
    private static readonly System.Text.RegularExpressions.Regex GrainTypeLabel = new("grain_type=\"([^\"]*)\"");
    private readonly List<HostProcess> _others = [];
    private string? _connectionString;
    private HostProcess? _adminApi;
    private AdminApiClient? _admin;
    private IReadOnlyDictionary<string, string> _siloSettings = new Dictionary<string, string>();

    private MultiProcessCluster()
    {
        LogDirectory = Path.Combine(Path.GetTempPath(), "clarityconnect-e2e", _run);
        Directory.CreateDirectory(LogDirectory);
    }

    /// <summary>The cluster's certificates, written by <c>ClarityConnect.Silo.dll certificates</c>.</summary>
    public string CertificateDirectory => Path.Combine(LogDirectory, "certificates");

    /// <summary>The folder of the processes' log files; removed on dispose unless <see cref="KeepLogs"/>.</summary>
    public string LogDirectory { get; }

    /// <summary>Keep the log files after the test (set until the test has passed).</summary>
    public bool KeepLogs { get; set; } = true;

    /// <summary>The silo processes, in start order.</summary>
    public IReadOnlyList<HostProcess> Silos => _silos;

    /// <summary>The standalone admin API, as a client would call it.</summary>
    public AdminApiClient Admin => _admin ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>
    /// Creates the database, migrates it, starts <paramref name="silos"/> silos and the admin API, and waits until the
    /// admin API is ready and sees every silo. Skips the calling test when there is no test PostgreSQL (fails in CI).
    /// <paramref name="siloSettings"/> are given to every silo as environment variables, on top of the cluster's own.
    /// </summary>
    public static async Task<MultiProcessCluster> StartAsync(int silos, IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        var cluster = new MultiProcessCluster { _connectionString = connectionString, _siloSettings = siloSettings ?? new Dictionary<string, string>() };
        try
        {
            await cluster.MigrateAsync();
            await cluster.MakeCertificatesAsync();
            for (var i = 1; i <= silos; i++)
            {
                cluster.StartSilo($"silo-{i}");
            }

            foreach (var silo in cluster._silos)
            {
                await silo.WaitForLineAsync(l => l.Contains("ClarityConnect silo started", StringComparison.Ordinal), StartTimeout, "that it started");
            }

            cluster.StartAdminApi();
            await cluster.WaitUntilReadyAsync(silos, StartTimeout);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the simulator against the cluster (found through the PostgreSQL membership table) with <paramref name="arguments"/>.</summary>
    public HostProcess StartSimulator(params string[] arguments)
    {
        var simulator = HostProcess.Start("simulator", HostAssemblies.Simulator,
            [
                .. arguments, "--postgres", ConnectionString, "--cluster-id", _run, "--service-id", _run,
                // The client certificate file by file, as a telephony platform host would be given it.
                "--tls-cert", Path.Combine(CertificateDirectory, "client.crt"), "--tls-key", Path.Combine(CertificateDirectory, "client.key"),
                "--tls-ca", Path.Combine(CertificateDirectory, "ca.crt"),
            ],
            new Dictionary<string, string>(), LogDirectory);
        _others.Add(simulator);
        return simulator;
    }

    /// <summary>Polls <c>/health/ready</c> until the admin API is ready and sees exactly <paramref name="activeSilos"/> active silos.</summary>
    public async Task WaitUntilReadyAsync(int activeSilos, TimeSpan timeout)
    {
        var last = "";
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                var (ready, silos, body) = await Admin.ReadinessAsync();
                last = body;
                return ready && silos == activeSilos;
            }, $"the admin API is ready with {activeSilos} active silo(s)", timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The admin API was not ready with {activeSilos} active silo(s) within {timeout.TotalSeconds:0} s; last /health/ready: {last}{Describe()}");
        }
    }

    /// <summary>
    /// How many activations of the grain type <paramref name="grainType"/> (e.g. <c>session</c>) <paramref name="silo"/>
    /// holds, as its own Prometheus endpoint reports Orleans' per-silo gauge <c>orleans_grains{grain_type="…"}</c>.
    /// </summary>
    public async Task<long> ActivationsAsync(HostProcess silo, string grainType)
    {
        using var http = new HttpClient { BaseAddress = _siloUrls[silo], Timeout = TimeSpan.FromSeconds(30) };
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _apiKey);
        using var response = await http.SendAsync(scrape);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n')
            .Where(line => line.StartsWith("orleans_grains{", StringComparison.Ordinal) && GrainTypeLabel.Match(line).Groups[1].Value == grainType)
            .Sum(line => long.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The tail of every process's output, for assertion messages.</summary>
    public string Describe() => string.Concat(_silos.Concat(_others).Select(p => p.Describe()));

    /// <summary>Kills every process still running, drops the database and (unless <see cref="KeepLogs"/>) removes the logs.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var process in _others.Concat(_silos).Reverse())
        {
            await process.DisposeAsync();
        }

        _admin?.Dispose();
        if (_connectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_connectionString);
        }

        if (!KeepLogs)
        {
            Directory.Delete(LogDirectory, recursive: true);
        }
    }

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is not created.");

    private async Task MigrateAsync()
    {
        var migration = HostProcess.Start("migrate", HostAssemblies.Silo, ["migrate"], StorageSettings(), LogDirectory);
        _others.Add(migration);
        var exitCode = await migration.WaitForExitAsync(StartTimeout);
        Assert.True(exitCode == 0, $"The schema migration exited with {exitCode}.{migration.Describe()}");
    }

    // The silo's own command, as an operator makes a cluster's certificates (docs/operations.md, "Security").
    private async Task MakeCertificatesAsync()
    {
        var command = HostProcess.Start("certificates", HostAssemblies.Silo, ["certificates", "--out", CertificateDirectory], new Dictionary<string, string>(), LogDirectory);
        _others.Add(command);
        var exitCode = await command.WaitForExitAsync(StartTimeout);
        Assert.True(exitCode == 0, $"The certificates command exited with {exitCode}.{command.Describe()}");
    }

    private void StartSilo(string name)
    {
        var settings = StorageSettings();
        settings["ClarityConnect__Cluster__Tls__CertificateFile"] = Path.Combine(CertificateDirectory, "silo.crt");
        settings["ClarityConnect__Cluster__Tls__KeyFile"] = Path.Combine(CertificateDirectory, "silo.key");
        settings["ClarityConnect__Cluster__Tls__CaFile"] = Path.Combine(CertificateDirectory, "ca.crt");
        settings["ClarityConnect__Secrets__Key"] = _secretKey;
        settings["ClarityConnect__Cluster__SiloPort"] = Port();
        settings["ClarityConnect__Cluster__GatewayPort"] = Port();
        settings["ClarityConnect__Cluster__AdvertisedIp"] = IPAddress.Loopback.ToString();
        var url = $"http://127.0.0.1:{Port()}";
        settings["Urls"] = url;
        // Change events lost with a killed silo's stream queues come back through the redelivery reminder; a short
        // period keeps the listing check below a minute.
        settings["ClarityConnect__ChangeEvents__RedeliveryPeriod"] = "00:00:05";
        foreach (var (key, value) in _siloSettings)
        {
            settings[key] = value;
        }

        var silo = HostProcess.Start(name, HostAssemblies.Silo, [], settings, LogDirectory);
        _silos.Add(silo);
        _siloUrls[silo] = new Uri(url);
    }

    private void StartAdminApi()
    {
        var url = $"http://127.0.0.1:{Port()}";
        var settings = StorageSettings();
        settings["Urls"] = url;
        settings["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        settings["ClarityConnect__Cluster__Tls__Directory"] = CertificateDirectory;
        _adminApi = HostProcess.Start("admin-api", HostAssemblies.AdminApi, [], settings, LogDirectory);
        _others.Add(_adminApi);
        _admin = new AdminApiClient(new Uri(url), _apiKey);
    }

    // What every host of the cluster shares: the PostgreSQL profile, the cluster's ids and the accepted admin API key.
    private Dictionary<string, string> StorageSettings() => new()
    {
        ["ClarityConnect__Storage__Profile"] = "PostgreSql",
        ["ClarityConnect__Storage__ConnectionString"] = ConnectionString,
        ["ClarityConnect__Cluster__ClusterId"] = _run,
        ["ClarityConnect__Cluster__ServiceId"] = _run,
        ["ClarityConnect__AdminApi__ApiKeyHashes__0"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_apiKey))),
    };

    private static string Port() => FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
