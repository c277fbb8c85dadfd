using System.Net.Http.Json;
using System.Text.Json;
using ClarityConnect.AdminApi;
using ClarityConnect.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>The standalone admin API (<see cref="AdminApiHost"/>) in-process on a loopback port, an Orleans client of a one-silo test cluster.</summary>
public class AdminApiFixture : ClusterFixture
{
    /// <summary>The admin API key the tests use (only its hash is configured).</summary>
    public const string ApiKey = "test-admin-key-0123456789";

    /// <summary>The bearer tokens' issuer, audience, HMAC key (base64) and required role.</summary>
    public const string JwtIssuer = "https://issuer.example.com", JwtAudience = "clarityconnect-admin", JwtRole = "ClarityConnect.Admin";

    /// <summary>The HMAC key bearer tokens are signed with.</summary>
    public static readonly string JwtSigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private WebApplication? _app;

    /// <summary>A client of the API sending the admin key.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A client of the API sending no key.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Everything the API logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <inheritdoc />
    protected override bool AcceptsExternalClients => true;

    /// <inheritdoc />
    protected override async Task ConfigureIntegrationsAsync()
    {
        // The standalone host, as `dotnet run --project src/AdminApi` runs it, a client of the test cluster's gateway.
        var (app, address) = await StandaloneAdminApi.StartAsync(this, ApiKey,
        [
            "--ClarityConnect:AdminApi:Jwt:Issuer", JwtIssuer,
            "--ClarityConnect:AdminApi:Jwt:Audience", JwtAudience,
            "--ClarityConnect:AdminApi:Jwt:SigningKey", JwtSigningKey,
            "--ClarityConnect:AdminApi:Jwt:RequiredRole", JwtRole,
        ], builder =>
        {
            builder.Logging.AddProvider(Logs);
            builder.Services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, FailingRoute>();
        });
        _app = app;
        Http = new HttpClient { BaseAddress = address };
        Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        Anonymous = new HttpClient { BaseAddress = address };
    }

    /// <inheritdoc />
    protected override async Task StopDoublesAsync()
    {
        Http?.Dispose();
        Anonymous?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Keeps every log message, to check that no secret is ever logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    /// <summary>The messages so far, with their exceptions.</summary>
    public IReadOnlyCollection<string> Messages => _messages;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            provider._messages.Enqueue(formatter(state, exception) + " " + exception);
            if (exception is not null && Environment.GetEnvironmentVariable("ADMIN_LOG") is { } file)
            {
                File.AppendAllText(file, exception + "\n");
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AdminApiCollection : ICollectionFixture<AdminApiFixture>
{
    public const string Name = "AdminApi";
}

/// <summary>Helpers reading the API's answers.</summary>
internal static class Api
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static HttpRequestMessage Put(string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }
}
