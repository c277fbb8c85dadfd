using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ClarityConnect.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace ClarityConnect.AdminApi;

/// <summary>
/// The admin API on its own (<c>dotnet run --project src/AdminApi</c>): an Orleans client of a running cluster serving
/// the same endpoints the silo co-hosts. It holds no state; run as many as you like behind a load balancer.
/// </summary>
public static class AdminApiHost
{
    /// <summary>The HTTP address when none is configured (<c>Urls</c> / <c>ASPNETCORE_URLS</c>).</summary>
    public const string DefaultUrl = "http://127.0.0.1:8081";

    /// <summary>Runs the standalone admin API until stopped; 2 when the configuration is invalid.</summary>
    public static async Task<int> Main(string[] args)
    {
        var (app, errors) = Build(args);
        if (app is null)
        {
            await Console.Error.WriteLineAsync("The ClarityConnect admin API cannot start, the configuration is invalid:");
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync("  - " + error);
            }

            return 2;
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>Builds the standalone admin API from <paramref name="args"/> and the environment, or says why it cannot.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--Urls</c>).</param>
    /// <param name="configure">Last changes to the builder before the app is built (tests add log capture here).</param>
    public static (WebApplication? App, IReadOnlyList<string> Errors) Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // As the silo's appsettings.json: ASP.NET Core's request lines carry the full URL, and the OAuth callback's query
        // holds the authorization code. Lowest precedence, so the environment and the command line still decide.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        var (connection, errors) = ClusterConnectionSettings.Read(builder.Configuration);
        var options = builder.Configuration.GetSection(AdminApiOptions.Section).Get<AdminApiOptions>() ?? new AdminApiOptions();
        var problems = errors.Concat(options.Jwt.Problems()).ToList();
        if (options.ApiKeyHashes.Count == 0 && string.IsNullOrWhiteSpace(options.ApiKeyFile) && !options.Jwt.Enabled)
        {
            problems.Add($"No way to authenticate: set {AdminApiOptions.Section}:ApiKeyHashes, {AdminApiOptions.Section}:ApiKeyFile or {AdminApiOptions.Section}:Jwt.");
        }

        if (connection is null || problems.Count > 0)
        {
            return (null, problems);
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        WebApplication app;
        try
        {
            builder.AddClarityConnectTelemetry("clarityconnect-admin");
            builder.UseOrleansClient(client =>
            {
                connection.Configure(client);
                client.AddClarityConnectTelemetry();
                client.AddDashboard(o => o.HideTrace = true);
            });
            builder.Services.AddAdminApi(builder.Configuration);
            configure?.Invoke(builder);
            app = builder.Build();
            // The options registered with ValidateOnStart, checked now so that a bad one is a message, not a failed start.
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException invalid)
        {
            return (null, [.. invalid.Failures]);
        }
        catch (AggregateException invalid) when (invalid.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return (null, [.. invalid.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)]);
        }

        app.MapAdminApi();
        app.MapClarityConnectMetrics();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            app.Logger.LogInformation(
                "ClarityConnect admin API serving {Urls}, a client of cluster {ClusterId} through {Cluster}",
                string.Join(", ", app.Urls), connection.ClusterId, connection.Description);
            app.Logger.LogInformation("{Website}", Website.AdminWebsite.StartupHint(app.Urls));
        });
        return (app, []);
    }
}
