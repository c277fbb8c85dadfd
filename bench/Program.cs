using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClarityConnect.Bench;
using ClarityConnect.Bench.Ceilings;
using ClarityConnect.Bench.Cluster;
using ClarityConnect.Bench.Lifecycles;
using ClarityConnect.Bench.Memory;
using ClarityConnect.Bench.Reporting;
using ClarityConnect.Grains.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

BenchOptions? options;
try
{
    options = BenchOptions.Parse(args, Console.Out);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}

if (options is null)
{
    return 0;
}

#if DEBUG
Console.Error.WriteLine("bench: this is a Debug build; its figures mean little. Run with -c Release.");
#endif

var clock = Stopwatch.StartNew();
var startedAt = DateTimeOffset.UtcNow;
void Step(string what) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {what}");

Step($"starting the silo ({options.Profile}), the client and the Salesforce and CSI doubles");
await using var host = await BenchHost.StartAsync(options);
var csi = new CsiDeliveryProbe(host.Csi);
var agents = await AgentPool.LogInAsync(host.Grains, host.RunId, 400);
using var process = new ProcessMeter();
var lifecycles = new LifecycleRunner(host, agents, csi, process);
var phase = TimeSpan.FromSeconds(options.Seconds);

Step("warming up");
await lifecycles.RunClosedAsync(8, TimeSpan.FromSeconds(options.Quick ? 2 : 4), "warmup");
// The reuse of an earlier caller's record is a path no life cycle takes: warm it too, so that its first calls' JIT
// compilation is not measured as lookup latency (a running silo pays it once).
var repeatCallers = new RepeatCallerRunner(host, process);
await repeatCallers.RunAsync(32, 8, "warmup-repeat");
var sessionState = new GrainState<SessionState>();
await host.Storage.ReadStateAsync("session", GrainId.Create(SessionGrain.GrainTypeName, $"{host.RunId}-warmup-0000001"), sessionState);
var stateBytes = host.SiloServices.GetRequiredService<IGrainStorageSerializer>().Serialize(sessionState.State).ToArray().Length;

var ceilingRunner = new CeilingRunner(host, sessionState.State ?? throw new InvalidOperationException("The warm-up session was not stored."));
var ceilings = new List<Ceiling>();
var closed = new List<LifecycleRun>();
foreach (var level in options.Levels)
{
    Step($"concurrency {level}: ceilings");
    ceilings.Add(await ceilingRunner.RunAsync(level, phase));
    Step($"concurrency {level}: life cycles");
    closed.Add(await lifecycles.RunClosedAsync(level, phase, $"c{level}"));
    Step($"  {closed[^1].LifecyclesPerS} life cycles/s, {closed[^1].Failures} failed");
}

var busiest = closed.OrderByDescending(r => r.LifecyclesPerS).First();
Step($"paced at half the max rate ({busiest.LifecyclesPerS / 2:0.#}/s)");
var half = await lifecycles.RunPacedAsync(busiest.LifecyclesPerS / 2, phase, "half");
Step("paced at 100 life cycles/s (1,000 change events/s)");
var csiRate = await lifecycles.RunPacedAsync(1000.0 / LifecycleOperation.EventsPerLifecycle, phase, "csi");
Step("repeat callers");
var repeat = await repeatCallers.RunAsync(options.Quick ? 300 : 1000, 8);
Step($"memory at {string.Join(", ", options.Activations.Select(a => a.ToString("#,0")))} activations");
var memory = await new MemoryRunner(host).RunAsync(options.Activations);

var report = new BenchReport
{
    StorageProfile = options.Profile,
    Quick = options.Quick,
    StartedAt = startedAt,
    Machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
    SessionStateBytes = stateBytes,
    Ceilings = ceilings,
    Lifecycles = closed,
    MaxLifecyclesPerS = busiest.LifecyclesPerS,
    HalfMaxRate = half,
    CsiEventRate = csiRate,
    RepeatCallers = repeat,
    Memory = memory,
    Ratios = Targets.Ratios(ceilings, busiest),
    Targets = [],
};
report = report with { Targets = Targets.Check(report), TotalSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1) };
TablePrinter.Write(report, Console.Out);

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(report, new JsonSerializerOptions
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
}));
Console.WriteLine($"Figures written to {Path.GetFullPath(options.Output)}");
return 0;
