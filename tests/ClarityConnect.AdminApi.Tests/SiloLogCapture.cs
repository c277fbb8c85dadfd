using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>Sends the test silos' logs to <see cref="Logs"/> too, ClarityConnect's own at Debug (the FTP client logs every reply there).</summary>
public sealed class SiloLogCapture : ISiloConfigurator
{
    /// <summary>Everything the silos of the fixtures using this configurator logged.</summary>
    public static CapturingLoggerProvider Logs { get; } = new();

    /// <inheritdoc />
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddSingleton<ILoggerProvider>(Logs);
        siloBuilder.Services.AddLogging(logging => logging.AddFilter("ClarityConnect", LogLevel.Debug));
    }
}
