using System.Net;
using System.Text.Json;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>What the end-to-end test asks the standalone admin API, over real HTTP with an admin API key.</summary>
public sealed class AdminApiClient(Uri baseAddress, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary><c>GET /health/ready</c>: whether the API is ready, how many active silos it sees, and the body as sent.</summary>
    public async Task<(bool Ready, int ActiveSilos, string Body)> ReadinessAsync()
    {
        try
        {
            using var response = await _http.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);
            var silos = json.RootElement.TryGetProperty("checks", out var checks)
                && checks.TryGetProperty("cluster", out var cluster)
                && cluster.TryGetProperty("data", out var data)
                && data.TryGetProperty("activeSilos", out var active)
                ? active.GetInt32()
                : 0;
            return (response.StatusCode == HttpStatusCode.OK, silos, body);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (false, 0, failure.GetType().Name + ": " + failure.Message);
        }
    }

    /// <summary>
    /// <c>GET /api/sessions/{id}</c>: the session's status as the grain holds it (the source of truth), or
    /// <c>null</c> when there is no such session.
    /// </summary>
    public async Task<string?> SessionStatusAsync(string sessionId)
    {
        using var response = await SendAsync($"/api/sessions/{Uri.EscapeDataString(sessionId)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using var json = await ReadAsync(response);
        return json.RootElement.GetProperty("session").GetProperty("status").GetString();
    }

    /// <summary><c>GET /api/sessions?status=…</c>: how many sessions the listing (fed by change events) shows in <paramref name="status"/>.</summary>
    public async Task<long> SessionCountAsync(string status)
    {
        using var response = await SendAsync($"/api/sessions?status={Uri.EscapeDataString(status)}&limit=1");
        using var json = await ReadAsync(response);
        return json.RootElement.GetProperty("total").GetInt64();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", apiKey);
        return await _http.SendAsync(request);
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body)
            : throw new HttpRequestException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    }
}
