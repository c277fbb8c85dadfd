using ClarityConnect.AdminApi;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Silo;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Storage;
using ClarityConnect.Silo.Tls;

if (args is [CertificatesCommand.Name, .. var certificateArgs])
{
    return CertificatesCommand.Run(certificateArgs, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var (options, errors) = ClarityConnectOptionsLoader.Load(builder.Configuration);
errors.AddRange(builder.Configuration.GetSection($"{AdminApiOptions.Section}:Jwt").Get<JwtSettings>()?.Problems() ?? []);
if (errors.Count > 0)
{
    Console.Error.WriteLine("ClarityConnect cannot start, the configuration is invalid:");
    errors.ForEach(e => Console.Error.WriteLine("  - " + e));
    return 2;
}

if (args.Contains("migrate"))
{
    return await SchemaMigrationCommand.RunAsync(options, Console.Out, Console.Error);
}

SiloTransport transport;
try
{
    transport = SiloTransport.Resolve(options);
}
catch (InvalidOperationException insecure)
{
    Console.Error.WriteLine("ClarityConnect cannot start, the cluster transport cannot be secured:");
    Console.Error.WriteLine("  - " + insecure.Message);
    return 2;
}

builder.Services.Configure<SecretProtectionOptions>(builder.Configuration.GetSection(SecretProtectionOptions.Section));
builder.Services.Configure<ChangeEventOptions>(builder.Configuration.GetSection(ChangeEventOptions.Section));
builder.Services.Configure<ExportOptions>(builder.Configuration.GetSection(ExportOptions.Section));
builder.Services.Configure<CsiEventOptions>(builder.Configuration.GetSection(CsiEventOptions.Section));
builder.Services.Configure<CsiFtpOptions>(builder.Configuration.GetSection(CsiFtpOptions.Section));
builder.Services.Configure<AcdOptions>(builder.Configuration.GetSection(AcdOptions.Section));
builder.Services.Configure<SalesforceConnectorOptions>(builder.Configuration.GetSection("ClarityConnect:Connectors:Salesforce"));
builder.Services.Configure<DataverseConnectorOptions>(builder.Configuration.GetSection("ClarityConnect:Connectors:Dataverse"));
builder.UseOrleans(silo => silo.AddClarityConnect(options, transport));
builder.AddClarityConnectTelemetry("clarityconnect-silo");
builder.Services.AddHostedService<StartupReport>();
builder.Services.AddSingleton(options);
builder.Services.AddAdminApi(builder.Configuration);
if (options.Storage.Profile == StorageProfile.Embedded)
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
    if (configuredHashes.Length == 0 && ApiKeyStore.EnsureKeyFile(keyFile) is { } key)
    {
        Console.WriteLine($"""
            ClarityConnect generated an admin API key. It is shown only this once; send it in the X-Api-Key header:

                {key}

            Only its SHA-256 hash is stored, in {Path.GetFullPath(keyFile)}. To rotate: put the SHA-256 (hex) of a new key
            in that file (one hash per line; remove the old line to revoke the old key), or delete the file and restart to
            generate a new one. Keys can also be given as hashes in ClarityConnect:AdminApi:ApiKeyHashes.
            """);
    }
}

var app = builder.Build();
app.MapAdminApi();
app.MapClarityConnectMetrics();
await app.RunAsync();
return 0;
