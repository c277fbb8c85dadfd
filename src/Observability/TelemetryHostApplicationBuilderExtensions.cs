using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ClarityConnect.Observability;

/// <summary>The one place every ClarityConnect host (silo, admin API, simulator) sets up OpenTelemetry and its logging defaults.</summary>
public static class TelemetryHostApplicationBuilderExtensions
{
    /// <summary>The environment variable of the standard OTLP endpoint, honoured as well as <see cref="ClarityConnectTelemetryOptions.OtlpEndpoint"/>.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Sets up traces, metrics and (with OTLP) logs for the service <paramref name="serviceName"/> from
    /// <see cref="ClarityConnectTelemetryOptions"/> (<c>ClarityConnect:Telemetry</c>): ClarityConnect's, Orleans', ASP.NET
    /// Core's and HttpClient's spans and metrics (<see cref="TracerProviderBuilderExtensions.AddClarityConnectInstrumentation"/>,
    /// <see cref="MeterProviderBuilderExtensions.AddClarityConnectInstrumentation"/>) with caller data and secrets
    /// redacted; spans to the console in Development; traces, metrics and logs to an OTLP collector when one is
    /// configured; a Prometheus exporter for <see cref="MetricsEndpointExtensions.MapClarityConnectMetrics"/>. Log lines
    /// show their scopes (session, agent, trace ids) unless <c>Logging:Console:FormatterOptions:IncludeScopes</c> says
    /// otherwise; levels come from <c>Logging:LogLevel</c> as usual. Throws <see cref="InvalidOperationException"/>
    /// naming the setting when a setting cannot be read, <see cref="OptionsValidationException"/> when one is invalid.
    /// </summary>
    public static IHostApplicationBuilder AddClarityConnectTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var options = builder.Configuration.GetSection(ClarityConnectTelemetryOptions.Section).Get<ClarityConnectTelemetryOptions>() ?? new();
        if (new ClarityConnectTelemetryOptionsValidator().Validate(Options.DefaultName, options) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ClarityConnectTelemetryOptions), invalid.Failures ?? [invalid.FailureMessage]);
        }

        builder.Services.AddSingleton(options);
        // Lowest precedence: appsettings, environment variables and the command line still decide.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:Console:FormatterOptions:IncludeScopes"] = "true" },
        });

        var console = options.ConsoleExporter ?? builder.Environment.IsDevelopment();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: typeof(TelemetryHostApplicationBuilderExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)));
                tracing.AddClarityConnectInstrumentation();
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddClarityConnectInstrumentation();
                if (options.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(options.OtlpProtocol, endpoint);
        }
        else if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        builder.Services.Configure<OpenTelemetryLoggerOptions>(logging =>
        {
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
        });
        return builder;
    }
}
