using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ClarityConnect.TestDoubles;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// The real silo process on the embedded profile, started the way an operator starts it: a bad setting, an unusable
/// secret key, a data folder another silo holds or a taken port stop it at once with one message naming the setting
/// and a non-zero exit code, no stack trace, and nothing written to the data.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SiloStartupTests : IAsyncLifetime
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clarityconnect-startup", Guid.NewGuid().ToString("N")[..12]);
    private readonly List<HostProcess> _processes = [];

    private string DataDirectory => Path.Combine(_root, "data");

    [Theory]
    [InlineData("ClarityConnect__Exports__MaxAttempts", "-3", "ClarityConnect:Exports:MaxAttempts must be between 1 and 100; it is -3.")]
    [InlineData("ClarityConnect__Csi__Events__Queues", "0", "ClarityConnect:Csi:Events:Queues must be between 1 and 256; it is 0.")]
    [InlineData("ClarityConnect__ChangeEvents__RedeliveryPeriod", "00:00:00", "ClarityConnect:ChangeEvents:RedeliveryPeriod must be between 1 second and 1 hour; it is 00:00:00.")]
    [InlineData("ClarityConnect__Csi__Acd__IntervalLength", "00:07:00", "ClarityConnect:Csi:Acd:IntervalLength must be between 1 second and 1 day and divide the day evenly")]
    [InlineData("ClarityConnect__Csi__Ftp__TlsHostName", "bad host", "ClarityConnect:Csi:Ftp:TlsHostName must be a DNS name")]
    [InlineData("ClarityConnect__Connectors__Salesforce__MaxRetryAttempts", "0", "ClarityConnect:Connectors:Salesforce:MaxRetryAttempts must be between 1 and 20; it is 0.")]
    [InlineData("ClarityConnect__AdminApi__MaxRequestBodyBytes", "-1", "ClarityConnect:AdminApi:MaxRequestBodyBytes must be between 1024 and 104857600 bytes; it is -1.")]
    [InlineData("ClarityConnect__Telemetry__TraceSampleRatio", "2", "ClarityConnect:Telemetry:TraceSampleRatio must be between 0 and 1.")]
    [InlineData("ClarityConnect__Cluster__ShutdownTimeout", "00:00:00", "ClarityConnect:Cluster:ShutdownTimeout (environment variable ClarityConnect__Cluster__ShutdownTimeout) is 00:00:00; it must be between 1 second and 5 minutes.")]
    [InlineData("ClarityConnect__Exports__MaxAttempts", "many", "'ClarityConnect:Exports:MaxAttempts'")]
    public async Task A_bad_setting_stops_the_silo_naming_the_setting_and_writes_nothing(string variable, string value, string message)
    {
        var silo = StartSilo("bad-setting", Settings(DataDirectory, (variable, value)));

        var exitCode = await silo.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode == 2, $"exit code {exitCode}{silo.Describe()}");
        Assert.Equal("ClarityConnect cannot start, the configuration is invalid:", silo.Lines[0]);
        Assert.Contains(silo.Lines, l => l.StartsWith("  - ", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
        AssertNoStackTrace(silo);
        Assert.False(Directory.Exists(DataDirectory), "the data folder was created");
    }

    [Theory]
    [InlineData("notbase64", "ClarityConnect:Secrets:Key is not valid base64.")]
    [InlineData("c2hvcnQ=", "ClarityConnect:Secrets:Key must be 32 bytes in base64; it is 5 bytes.")]
    public async Task An_unusable_secret_key_stops_the_silo_naming_the_setting_without_echoing_the_key(string key, string message)
    {
        var silo = StartSilo("bad-key", Settings(DataDirectory, ("ClarityConnect__Secrets__Key", key)));

        var exitCode = await silo.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode == 2, $"exit code {exitCode}{silo.Describe()}");
        Assert.Equal(["ClarityConnect cannot start, the configuration is invalid:", "  - " + message], silo.Lines);
        Assert.DoesNotContain(silo.Lines, l => l.Contains(key, StringComparison.Ordinal));
        Assert.False(Directory.Exists(DataDirectory), "the data folder was created");
    }

    [Fact]
    public async Task A_second_silo_on_the_same_data_folder_stops_with_one_line_and_leaves_the_database_alone()
    {
        var first = StartSilo("first", Settings(DataDirectory));
        await first.WaitForLineAsync(l => l.Contains("ClarityConnect silo started", StringComparison.Ordinal), MultiProcessCluster.StartTimeout, "that it started");
        var database = Path.Combine(DataDirectory, "clarityconnect.db");
        var before = Fingerprint(database);

        // Ports of its own, so only the data folder is shared.
        var second = StartSilo("second", Settings(DataDirectory));
        var exitCode = await second.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode == 3, $"exit code {exitCode}{second.Describe()}");
        var line = Assert.Single(second.Lines);
        Assert.StartsWith("ClarityConnect cannot start: ClarityConnect:Storage:DataDirectory", line, StringComparison.Ordinal);
        Assert.Contains("in use by another ClarityConnect silo", line, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(database));
        Assert.False(first.HasExited, $"the first silo stopped{first.Describe()}");
    }

    [Fact]
    public async Task The_database_its_wal_and_shm_files_are_0600_in_a_0700_data_folder()
    {
        // A folder as versions before issue 12 left it: readable by everyone.
        Directory.CreateDirectory(DataDirectory);
        File.SetUnixFileMode(DataDirectory, (UnixFileMode)Convert.ToInt32("755", 8));
        var settings = Settings(DataDirectory);
        var silo = StartSilo("modes", settings);
        await silo.WaitForLineAsync(l => l.Contains("ClarityConnect silo started", StringComparison.Ordinal), MultiProcessCluster.StartTimeout, "that it started");
        // Readiness uses the secret key, which creates the embedded key file.
        using var http = new HttpClient { BaseAddress = new Uri(settings["Urls"]) };
        var ready = await http.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Contains("\"secrets\":{\"status\":\"Healthy\"", ready, StringComparison.Ordinal);

        Assert.Equal("700", Mode(DataDirectory));
        foreach (var file in new[] { "clarityconnect.db", "clarityconnect.db-wal", "clarityconnect.db-shm", "secrets.key", "admin-api-keys.txt" })
        {
            Assert.Equal((file, "600"), (file, Mode(Path.Combine(DataDirectory, file))));
        }
    }

    [Theory]
    [InlineData("ClarityConnect__Cluster__SiloPort", "ClarityConnect:Cluster:SiloPort")]
    [InlineData("ClarityConnect__Cluster__GatewayPort", "ClarityConnect:Cluster:GatewayPort")]
    [InlineData("Urls", "Urls")]
    public async Task A_taken_port_stops_the_silo_with_one_line_naming_the_setting_before_the_database_is_created(string variable, string setting)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        var silo = StartSilo("taken-port", Settings(DataDirectory, (variable, variable == "Urls" ? $"http://127.0.0.1:{port}" : port)));

        var exitCode = await silo.WaitForExitAsync(ExitTimeout);

        Assert.True(exitCode == 3, $"exit code {exitCode}{silo.Describe()}");
        var line = Assert.Single(silo.Lines);
        Assert.StartsWith($"ClarityConnect cannot start: {setting}", line, StringComparison.Ordinal);
        Assert.Contains($"port {port} on 127.0.0.1 is already in use", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "clarityconnect.db")), "the database was created");
    }

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    private HostProcess StartSilo(string name, Dictionary<string, string> settings)
    {
        var silo = HostProcess.Start(name, HostAssemblies.Silo, [], settings, _root);
        _processes.Add(silo);
        return silo;
    }

    // The embedded profile on free loopback ports in this test's own data folder, plus the settings under test.
    private static Dictionary<string, string> Settings(string dataDirectory, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["ClarityConnect__Storage__DataDirectory"] = dataDirectory,
            ["ClarityConnect__Cluster__SiloPort"] = Port(),
            ["ClarityConnect__Cluster__GatewayPort"] = Port(),
            ["Urls"] = $"http://127.0.0.1:{Port()}",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

    private static string Fingerprint(string database) => string.Join(
        ' ',
        new[] { database, database + "-wal" }.Select(f => File.Exists(f) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) : "absent"));

    private static void AssertNoStackTrace(HostProcess process) =>
        Assert.DoesNotContain(process.Lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception:", StringComparison.Ordinal));
}
