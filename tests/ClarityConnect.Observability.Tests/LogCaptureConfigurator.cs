using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace ClarityConnect.Observability.Tests;

/// <summary>Sends the test silos' logs to <see cref="LogCapture.Instance"/> too.</summary>
public sealed class LogCaptureConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton<ILoggerProvider>(LogCapture.Instance);
}
