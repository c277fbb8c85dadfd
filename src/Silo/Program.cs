using ClarityConnect.Connectors.Security;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Silo;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Storage;

var builder = WebApplication.CreateBuilder(args);
var (options, errors) = ClarityConnectOptionsLoader.Load(builder.Configuration);
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

builder.Services.Configure<SecretProtectionOptions>(builder.Configuration.GetSection(SecretProtectionOptions.Section));
builder.Services.Configure<ChangeEventOptions>(builder.Configuration.GetSection(ChangeEventOptions.Section));
builder.Services.Configure<ExportOptions>(builder.Configuration.GetSection(ExportOptions.Section));
builder.Services.Configure<CsiEventOptions>(builder.Configuration.GetSection(CsiEventOptions.Section));
builder.Services.Configure<CsiFtpOptions>(builder.Configuration.GetSection(CsiFtpOptions.Section));
builder.Services.Configure<AcdOptions>(builder.Configuration.GetSection(AcdOptions.Section));
builder.Services.Configure<SalesforceConnectorOptions>(builder.Configuration.GetSection("ClarityConnect:Connectors:Salesforce"));
builder.Services.Configure<DataverseConnectorOptions>(builder.Configuration.GetSection("ClarityConnect:Connectors:Dataverse"));
builder.UseOrleans(silo => silo.AddClarityConnect(options));
builder.Services.AddHostedService<StartupReport>();
builder.Services.AddSingleton(options);

var app = builder.Build();
app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
await app.RunAsync();
return 0;
