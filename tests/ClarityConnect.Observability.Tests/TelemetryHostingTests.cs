using System.Net;
using ClarityConnect.Connectors.Telemetry;
using ClarityConnect.Grains.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Observability.Tests;

public sealed class TelemetryHostingTests
{
    [Fact]
    public async Task A_host_serves_the_clarityconnect_metrics_for_prometheus()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddClarityConnectTelemetry("clarityconnect-test");
        builder.Services.AddSingleton(MetricsEndpointAuthorization.Anonymous);
        await using var app = builder.Build();
        app.MapClarityConnectMetrics();
        await app.StartAsync();
        IntegrationMetrics.NodeRuns.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Integration, "dynamics"), new KeyValuePair<string, object?>(TelemetryTags.NodeExit, "NoResults"));
        IntegrationMetrics.NodeDuration.Record(0.3, new KeyValuePair<string, object?>(TelemetryTags.Integration, "dynamics"));

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("clarityconnect_node_runs_total{", text);
        Assert.Contains("clarityconnect_integration=\"dynamics\"", text);
        Assert.Contains("clarityconnect_node_exit=\"NoResults\"", text);
        Assert.Contains("clarityconnect_node_duration_seconds_bucket{", text);
        Assert.Contains("le=\"0.5\"", text);
    }

    [Fact]
    public void A_bad_setting_stops_the_host_naming_the_setting()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ClarityConnect:Telemetry:OtlpEndpoint"] = "collector:4317";
        builder.Configuration["ClarityConnect:Telemetry:TraceSampleRatio"] = "2";

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => builder.AddClarityConnectTelemetry("clarityconnect-test"));

        Assert.Contains("ClarityConnect:Telemetry:OtlpEndpoint", failure.Message);
        Assert.Contains("ClarityConnect:Telemetry:TraceSampleRatio", failure.Message);
    }

    [Fact]
    public void Mapping_the_metrics_without_an_authorization_decision_fails_naming_it()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddClarityConnectTelemetry("clarityconnect-test");
        var app = builder.Build();

        var failure = Assert.Throws<InvalidOperationException>(() => app.MapClarityConnectMetrics());

        Assert.Contains(nameof(MetricsEndpointAuthorization), failure.Message);
    }

    [Fact]
    public void Mapping_the_metrics_without_the_telemetry_says_what_is_missing()
    {
        var app = WebApplication.CreateBuilder().Build();

        var failure = Assert.Throws<InvalidOperationException>(() => app.MapClarityConnectMetrics());

        Assert.Contains("AddClarityConnectTelemetry", failure.Message);
    }
}
