using ClarityConnect.Simulator.Cluster;
using ClarityConnect.Simulator.Options;
using ClarityConnect.Simulator.Simulation;
using ClarityConnect.Simulator.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

const string Tool = "clarityconnect-simulator";

ParsedCommandLine commandLine;
try
{
    commandLine = SimulatorCommandLine.Parse(args);
}
catch (InvalidOptionException ex)
{
    Console.Error.WriteLine($"{Tool}: {ex.Message}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

if (commandLine.HelpRequested)
{
    SimulatorCommandLine.WriteHelp(Console.Out);
    return 0;
}

// No args to the host: the simulator's own parser owns the command line (and names bad options).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings());

// Lowest precedence, so appsettings.json or Logging__LogLevel__Orleans=Information can turn the cluster logs back on;
// by default they would scroll the progress line away.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Critical",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        // The host logs a failed start with a stack trace; the simulator says it in one line instead.
        ["Logging:LogLevel:Microsoft.Extensions.Hosting"] = "Critical",
    },
});
builder.Configuration.AddInMemoryCollection(commandLine.Settings);

SimulatorOptions options;
ClusterTarget target;
try
{
    options = SimulatorOptionsLoader.Load(builder.Configuration);
    target = ClusterTarget.From(options);
}
catch (InvalidOptionException ex)
{
    Console.Error.WriteLine($"{Tool}: {ex.Message}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

builder.AddClarityConnectTelemetry("clarityconnect-simulator");
var console = new ConsoleOutput();
builder.Services.AddSingleton<IHostLifetime, SimulatorLifetime>();
builder.UseOrleansClient(client =>
{
    target.Configure(client);
    client.AddClarityConnectTelemetry();
    client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(options.CallTimeoutMs));
    client.UseConnectionRetryFilter(new ConnectionRetryFilter(TimeSpan.FromMilliseconds(options.ConnectTimeoutMs), target.Description, console));
});

using var host = builder.Build();
using var signal = new ShutdownSignal(console);
try
{
    await host.StartAsync(signal.Draining);
}
catch (OperationCanceledException) when (signal.StopRequested)
{
    Console.Error.WriteLine($"{Tool}: stopped before the cluster was reached.");
    return 1;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"{Tool}: could not connect to the ClarityConnect cluster ({target.Description}): {ex.GetBaseException().Message}");
    Console.Error.WriteLine(target.Hint);
    return 1;
}

var summary = await new SimulationRunner(host.Services.GetRequiredService<IClusterClient>(), options, target, console, signal).RunAsync();
summary.WriteTo(Console.Out);

try
{
    using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
    await host.StopAsync(stopping.Token);
}
catch (OperationCanceledException)
{
    // The gateway is gone: the summary is printed, nothing is left to close gracefully.
}

return summary.ExitCode;
