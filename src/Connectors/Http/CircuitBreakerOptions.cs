namespace ClarityConnect.Connectors.Http;

/// <summary>The circuit-breaker settings every connector shares (the CRMs' lanes, CSI's change events, FTP uploads):
/// what share of failed calls, over how many and how long a window, opens the breaker, and for how long. Named and
/// checked alike everywhere, so an operator sets <c>CircuitBreakerBreakDuration</c> the same way under every section.</summary>
public abstract class CircuitBreakerOptions
{
    /// <summary>Share of failed attempts in <see cref="CircuitBreakerSamplingDuration"/> that opens the breaker. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the breaker may open. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The breaker's sampling window. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker refuses calls before letting one through. Default 15 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Checks the breaker settings, naming each failed one.</summary>
    /// <param name="failures">Where failed checks go.</param>
    internal void ValidateCircuitBreaker(OptionsFailures failures)
    {
        failures.Check(CircuitBreakerFailureRatio is > 0 and <= 1, nameof(CircuitBreakerFailureRatio), "must be in (0, 1]", CircuitBreakerFailureRatio);
        failures.AtLeast(CircuitBreakerMinimumThroughput, 2);
        failures.AtLeast(CircuitBreakerSamplingDuration, TimeSpan.FromMilliseconds(500));
        failures.AtLeast(CircuitBreakerBreakDuration, TimeSpan.FromMilliseconds(500));
    }
}
