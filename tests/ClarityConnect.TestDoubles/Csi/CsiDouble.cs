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
/// can fail, be slow or vanish on demand.
/// </summary>
public sealed class CsiDouble : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonObject> _batches = new();
    private WebApplication? _app;
    private int _port;

    /// <summary>The developer key the double accepts.</summary>
    public string DeveloperKey { get; } = "csi-dev-key-" + Guid.NewGuid().ToString("n")[..8];

    /// <summary>The "Instance IP/DNS" to configure: <c>http://127.0.0.1:{port}</c>.</summary>
    public string InstanceAddress => $"http://127.0.0.1:{_port}";

    /// <summary>Answer every request with this status instead of accepting it (e.g. 503); null accepts.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>A delay before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>How many requests arrived (accepted or not).</summary>
    public int RequestCount => _requestCount;

    private int _requestCount;

    /// <summary>The accepted batches, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Batches => _batches.ToList();

    /// <summary>Every accepted event, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Events => Batches.SelectMany(b => b["events"]!.AsArray().OfType<JsonObject>()).ToList();

    /// <summary>Starts listening (again, on the same port after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _app = builder.Build();
        _app.MapPost("/api/clarityconnect/v1/events", (Delegate)HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
    }

    /// <summary>Stops listening: connections are refused, as when CSI is down.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (FailWith is { } status)
        {
            return Results.StatusCode((int)status);
        }

        if (context.Request.Headers["X-CSI-Developer-Key"] != DeveloperKey)
        {
            return Results.Unauthorized();
        }

        var batch = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body);
        _batches.Enqueue(batch!);
        return Results.Ok();
    }
}
