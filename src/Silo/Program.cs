using ClarityConnect.AdminApi;
using ClarityConnect.Silo;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Startup;
using ClarityConnect.Silo.Storage;
using ClarityConnect.Silo.Tls;
using Microsoft.Extensions.Options;

if (args is [CertificatesCommand.Name, .. var certificateArgs])
{
    return CertificatesCommand.Run(certificateArgs, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var (options, errors) = ClarityConnectOptionsLoader.Load(builder.Configuration);
if (errors.Count > 0)
{
    return StartupFailure.InvalidConfiguration(errors);
}

if (args.Contains("migrate"))
{
    return await SchemaMigrationCommand.RunAsync(options, Console.Out, Console.Error);
}

// A profile without usable certificates stops here, before anything is touched; the embedded profile's own CA and
// certificates are made (or renewed) only once the start-up checks below have passed.
SiloTransport transport;
try
{
    transport = SiloTransport.Resolve(options);
}
catch (InvalidOperationException insecure)
{
    return StartupFailure.InvalidConfiguration([insecure.Message]);
}

var embedded = options.Storage.Profile == StorageProfile.Embedded;
string? adminKeyFile = null;
WebApplication app;
try
{
    // Every options class is bound and validated by the extension of its area (grains, connectors, storage, admin API),
    // the same ones the test silos use.
    builder.UseOrleans(silo => silo.AddClarityConnect(options, transport));
    builder.AddClarityConnectTelemetry("clarityconnect-silo");
    builder.Services.AddHostedService<StartupReport>();
    builder.Services.AddSingleton(options);
    builder.Services.AddAdminApi(builder.Configuration);
    builder.Services.AddHealthChecks().AddCheck<SecretKeyReadinessCheck>("secrets", tags: [AdminApiExtensions.ReadinessTag]);
    if (embedded)
    {
        // The embedded default keeps its admin API key hashes in the data folder; on first start it generates a key and
        // shows it once. Only the SHA-256 hash is stored.
        var keyFile = builder.Configuration[$"{AdminApiOptions.Section}:ApiKeyFile"];
        if (string.IsNullOrWhiteSpace(keyFile))
        {
            keyFile = Path.Combine(options.Storage.DataDirectory, "admin-api-keys.txt");
            builder.Services.PostConfigure<AdminApiOptions>(o => o.ApiKeyFile = keyFile);
        }

        var configuredHashes = builder.Configuration.GetSection($"{AdminApiOptions.Section}:ApiKeyHashes").Get<string[]>() ?? [];
        adminKeyFile = configuredHashes.Length == 0 ? keyFile : null;
    }

    app = builder.Build();
    // The host validates these again when it starts; checking now, before the data folder is locked or a file written,
    // lets a bad setting change nothing and end in one message instead of the host's logged stack trace.
    app.Services.GetService<IStartupValidator>()?.Validate();
}
catch (Exception invalid) when (StartupFailure.ConfigurationProblems(invalid) is { } problems)
{
    return StartupFailure.InvalidConfiguration(problems);
}

var (dataFolderLock, held) = embedded ? DataFolderLock.Acquire(options.Storage.DataDirectory) : (null, null);
if (held is not null)
{
    return StartupFailure.Unavailable(held);
}

// Held until the process ends: a second silo on this data folder stops before it opens the database.
using var dataFolder = dataFolderLock;

if (ListenPorts.FindUnavailable(options, builder.Configuration) is { } taken)
{
    return StartupFailure.Unavailable(taken);
}

try
{
    _ = transport.Certificates;
}
catch (Exception unusable) when (unusable is InvalidOperationException or IOException or UnauthorizedAccessException)
{
    return StartupFailure.InvalidConfiguration(["The cluster's certificates cannot be made or read: " + unusable.Message]);
}

if (adminKeyFile is not null && ApiKeyStore.EnsureKeyFile(adminKeyFile) is { } key)
{
    Console.WriteLine($"""
        ClarityConnect generated an admin API key. It is shown only this once; send it in the X-Api-Key header, or sign in to the administrative website with it:

            {key}

        Only its SHA-256 hash is stored, in {Path.GetFullPath(adminKeyFile)}. To rotate: put the SHA-256 (hex) of a new key
        in that file (one hash per line; remove the old line to revoke the old key), or delete the file and restart to
        generate a new one. Keys can also be given as hashes in ClarityConnect:AdminApi:ApiKeyHashes.
        """);
}

app.MapAdminApi();
app.MapClarityConnectMetrics();
try
{
    await app.StartAsync();
}
catch (Exception failure) when (StartupFailure.ConfigurationProblems(failure) is { } problems)
{
    return StartupFailure.InvalidConfiguration(problems);
}
catch (Exception failure) when (StartupFailure.PortInUse(failure) is { } port)
{
    return StartupFailure.Unavailable(port);
}

await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;
