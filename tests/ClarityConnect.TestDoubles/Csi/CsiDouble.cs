using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.TestDoubles.Csi;

/// <summary>
/// Virtual Observer's change-event endpoint on loopback: records every accepted batch, checks the developer key, and
/// can fail, be slow or vanish on demand. A batch without events is a health probe (docs/csi-events.md): answered like
/// any batch, counted in <see cref="ProbeCount"/>, not recorded among <see cref="Batches"/>.
/// </summary>
public sealed class CsiDouble : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonObject> _batches = new();
    private readonly LoopbackServer _server;

    /// <summary>Creates a stopped double; call <see cref="StartAsync"/>.</summary>
    public CsiDouble() => _server = new LoopbackServer(HandleAsync, "CSI");

    /// <summary>The developer key the double accepts.</summary>
    public string DeveloperKey { get; } = "csi-dev-key-" + Guid.NewGuid().ToString("n")[..8];

    /// <summary>The "Instance IP/DNS" to configure: <c>http://127.0.0.1:{port}</c>.</summary>
    public string InstanceAddress => _server.BaseUrl.ToString().TrimEnd('/');

    /// <summary>Answer every request with this status instead of accepting it (e.g. 503); null accepts.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>A delay before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Called with each accepted batch as it arrives (the benchmark times deliveries with it).</summary>
    public Action<JsonObject>? BatchAccepted { get; set; }

    /// <summary>How many requests arrived (accepted or not).</summary>
    public int RequestCount => _requestCount;

    private int _requestCount;

    /// <summary>How many accepted requests carried no events (health probes).</summary>
    public int ProbeCount => _probeCount;

    private int _probeCount;

    /// <summary>The accepted batches, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Batches => _batches.ToList();

    /// <summary>Every accepted event, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Events => Batches.SelectMany(b => b["events"]!.AsArray().OfType<JsonObject>()).ToList();

    /// <summary>Starts listening (again, on the same port after <see cref="StopAsync"/>).</summary>
    public Task StartAsync() => _server.StartAsync();

    /// <summary>Stops listening: connections are refused, as when CSI is down.</summary>
    public Task StopAsync() => _server.StopAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Method != HttpMethods.Post || context.Request.Path != "/api/clarityconnect/v1/events")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Interlocked.Increment(ref _requestCount);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (FailWith is { } status)
        {
            context.Response.StatusCode = (int)status;
            return;
        }

        if (context.Request.Headers["X-CSI-Developer-Key"] != DeveloperKey)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var batch = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
        if (batch?["format"]?.GetValue<string>() != "clarityconnect.csi-events/1" || batch["events"] is not JsonArray events)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (events.Count == 0)
        {
            Interlocked.Increment(ref _probeCount);
            return;
        }

        _batches.Enqueue(batch!);
        BatchAccepted?.Invoke(batch!);
    }
}
