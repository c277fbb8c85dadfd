using System.Globalization;
using Polly.CircuitBreaker;

namespace ClarityConnect.Connectors.Http;

/// <summary>
/// The rest an open circuit breaker gives a remote system: the failure that opened it and until when, so that a call
/// the breaker refuses says what the remote system did rather than only that the circuit is open. One per breaker
/// (a CRM lane, a CSI endpoint, an FTP server).
/// </summary>
/// <param name="remote">The remote system as administrators name it, e.g. <c>Salesforce</c> or <c>The FTP server ftp.example.com:21</c>.</param>
/// <param name="calls">What the breaker counts, e.g. <c>background calls</c> or <c>uploads</c>.</param>
internal sealed class CircuitRest(string remote, string calls)
{
    private volatile Opening? opened;

    /// <summary>Remembers what opened the breaker (the remote system's answer, or the transport failure) and until when it stays open.</summary>
    public void Opened(string cause, DateTimeOffset until) => opened = new Opening(cause, until);

    /// <summary>What a call refused by the open breaker reports: that the remote system is being given a rest, for how
    /// long, and the failure that opened the breaker.</summary>
    public string Describe(BrokenCircuitException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        if (opened is not { } last)
        {
            // Polly carries the opening exception (not an opening answer) itself; a call can also race the OnOpened callback.
            var cause = refusal.InnerException is { } inner ? $"The failure that opened it: {inner.GetType().Name}: {inner.Message}" : "The failure that opened it was not recorded.";
            return $"{remote} is being given a rest: too many of its {calls} failed, so the circuit breaker holds them back. {cause}";
        }

        var wait = last.Until - DateTimeOffset.UtcNow;
        var until = wait <= TimeSpan.Zero ? string.Empty
            : wait < TimeSpan.FromMinutes(2) ? string.Create(CultureInfo.InvariantCulture, $" for another {Math.Ceiling(wait.TotalSeconds):0} s")
            : string.Create(CultureInfo.InvariantCulture, $" for another {Math.Ceiling(wait.TotalMinutes):0} min");
        return $"{remote} is being given a rest: too many of its {calls} failed, so the circuit breaker holds them back{until}. The failure that opened it: {last.Cause}";
    }

    private sealed record Opening(string Cause, DateTimeOffset Until);
}
