using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.TestDoubles;

/// <summary>
/// A Kestrel server on 127.0.0.1 running one request handler: what every remote-system double stands on. It picks a
/// free port on first start and keeps it, so a stopped double (connections refused, as when the system is down) comes
/// back at the same address. With a <paramref name="certificate"/> it serves HTTPS with it.
/// </summary>
public sealed class LoopbackServer(RequestDelegate handler, string name, X509Certificate2? certificate = null) : IAsyncDisposable
{
    private WebApplication? _app;
    private int _port;
    private Uri? _baseUrl;

    /// <summary>The server's base URL, once started.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException($"Start the {name} double first.");

    /// <summary>Starts (or restarts, on the same port) the server.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, _port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var started = builder.Build();
        started.Run(handler);
        await started.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = started.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
        _baseUrl = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{_port}");
        _app = started;
    }

    /// <summary>Stops the server: connections are refused until <see cref="StartAsync"/> runs again.</summary>
    public async Task StopAsync()
    {
        var running = _app;
        _app = null;
        if (running is not null)
        {
            await running.StopAsync().ConfigureAwait(false);
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
