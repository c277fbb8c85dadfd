using System.Net.Http.Json;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Csi;

/// <summary>Posts batches of change events to Virtual Observer (CSI), authenticated with the Unique Developer Key. Each
/// request passes its endpoint's pipeline (<see cref="CsiEventLanes"/>): concurrency limiter, circuit breaker and attempt
/// timeout, no retry (the caller's queue retries durably).</summary>
public sealed class CsiEventClient(HttpClient http, CsiEventLanes lanes, IOptions<CsiEventClientOptions> options, TimeProvider time)
{
    /// <summary>The request format and version; see docs/csi-events.md.</summary>
    public const string Format = "clarityconnect.csi-events/1";

    /// <summary>The header carrying the Unique Developer Key.</summary>
    public const string DeveloperKeyHeader = "X-CSI-Developer-Key";

    /// <summary>Sends <paramref name="events"/> as one request; throws <see cref="CsiException"/> when CSI does not accept
    /// them. A request the endpoint's open breaker refuses, one that times out and one CSI never received fail as
    /// transient, so the queue keeps the events and tries again later.</summary>
    public async Task SendAsync(CsiEndpoint endpoint, IReadOnlyList<CsiEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var url = endpoint.EventsUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new CsiEventBatch { SentAt = time.GetUtcNow(), Events = events }, CsiJsonContext.Default.CsiEventBatch),
        };
        request.Headers.Add(DeveloperKeyHeader, endpoint.DeveloperKey);
        // The reason phrase and transport errors are remote or proxy text that may quote the key.
        var redactor = SecretRedactor.For(endpoint.DeveloperKey);
        using var response = await HttpConnectorTransport.SendAsync(
            http,
            lanes.For(CsiEventLanes.KeyOf(url)),
            request,
            options.Value.DefaultRequestTimeout,
            redactor,
            (description, failure) => new CsiException(description, isTransient: true, failure),
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new CsiException(
                redactor.Redact($"CSI at {url.Authority} {CsiResilience.Answered(response)}"), CsiResilience.IsTransient(response.StatusCode));
        }
    }

    /// <summary>
    /// Asks whether CSI answers again after failures: posts a batch with no events (format
    /// <see cref="Format"/>, see docs/csi-events.md) to the same endpoint with the same key, so the whole path a real
    /// batch takes (DNS, TLS, proxy, CSI's application) is checked for the price of a ~100-byte request.
    /// </summary>
    /// <returns>
    /// True when CSI answered with anything but a transient failure. A refusal of the empty batch itself (say a 400 or
    /// a 401) still means CSI is up: the backlog's own attempt then shows what CSI thinks of it.
    /// </returns>
    public async Task<bool> ProbeAsync(CsiEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await SendAsync(endpoint, [], deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (CsiException failure)
        {
            return !failure.IsTransient;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
