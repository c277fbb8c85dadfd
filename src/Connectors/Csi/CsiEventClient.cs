using System.Net;
using System.Net.Http.Json;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Connectors.Csi;

/// <summary>Posts batches of change events to Virtual Observer (CSI), authenticated with the Unique Developer Key.</summary>
public sealed class CsiEventClient(HttpClient http, TimeProvider time)
{
    /// <summary>The request format and version; see docs/csi-events.md.</summary>
    public const string Format = "clarityconnect.csi-events/1";

    /// <summary>The header carrying the Unique Developer Key.</summary>
    public const string DeveloperKeyHeader = "X-CSI-Developer-Key";

    /// <summary>Sends <paramref name="events"/> as one request; throws <see cref="CsiException"/> when CSI does not accept them.</summary>
    public async Task SendAsync(CsiEndpoint endpoint, IReadOnlyList<CsiEvent> events, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.EventsUrl)
        {
            Content = JsonContent.Create(new CsiEventBatch { SentAt = time.GetUtcNow(), Events = events }, CsiJsonContext.Default.CsiEventBatch),
        };
        request.Headers.Add(DeveloperKeyHeader, endpoint.DeveloperKey);
        // The reason phrase and transport errors are remote or proxy text that may quote the key; the redactor is built
        // only when there is such text (a batch that is accepted needs none).
        string Redact(string text) => SecretRedactor.For(endpoint.DeveloperKey).Redact(text);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CsiException(Redact($"CSI at {endpoint.EventsUrl.Authority} did not answer: {failure.Message}"), isTransient: true, failure);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
            throw new CsiException(Redact($"CSI at {endpoint.EventsUrl.Authority} answered {(int)response.StatusCode} {response.ReasonPhrase}"), transient);
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
            await SendAsync(endpoint, [], deadline.Token);
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
