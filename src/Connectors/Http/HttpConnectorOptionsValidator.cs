using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Http;

/// <summary>Fails start-up on unusable connector options, naming the setting: first the connector's own settings
/// (<see cref="ValidateConnector"/>), then the shared <see cref="HttpConnectorOptions"/> ones.</summary>
/// <typeparam name="TOptions">The connector's options.</typeparam>
public abstract class HttpConnectorOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : HttpConnectorOptions
{
    /// <summary>The configuration section that prefixes every message, e.g. <c>ClarityConnect:Connectors:Salesforce</c>.</summary>
    protected abstract string Section { get; }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(Section);
        ValidateConnector(options, failures);
        ValidateHttp(options, failures);
        return failures.Result();
    }

    /// <summary>Checks the settings only this connector has.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="failures">Where failed checks go.</param>
    protected abstract void ValidateConnector(TOptions options, OptionsFailures failures);

    private static void ValidateHttp(HttpConnectorOptions options, OptionsFailures failures)
    {
        failures.Check(options.MaxRetryAttempts is >= 1 and <= 20, nameof(options.MaxRetryAttempts), "must be between 1 and 20", options.MaxRetryAttempts);
        failures.Check(options.RetryBaseDelay >= TimeSpan.Zero && options.RetryBaseDelay <= TimeSpan.FromMinutes(5), nameof(options.RetryBaseDelay), "must be between 0 and 5 minutes", options.RetryBaseDelay);
        failures.Check(options.MaxRetryDelay >= options.RetryBaseDelay, nameof(options.MaxRetryDelay), "must not be below RetryBaseDelay", options.MaxRetryDelay);
        failures.Check(options.MaxRetryAfter >= TimeSpan.Zero, nameof(options.MaxRetryAfter), "must not be negative", options.MaxRetryAfter);
        failures.Check(options.DefaultRequestTimeout >= TimeSpan.FromMilliseconds(10), nameof(options.DefaultRequestTimeout), "must be at least 10 ms", options.DefaultRequestTimeout);
        failures.Check(options.UploadTimeout >= TimeSpan.FromMilliseconds(10), nameof(options.UploadTimeout), "must be at least 10 ms", options.UploadTimeout);
        failures.Check(options.LookupTimeout >= TimeSpan.FromMilliseconds(100) && options.LookupTimeout <= TimeSpan.FromMinutes(2), nameof(options.LookupTimeout), "must be between 100 ms and 2 minutes", options.LookupTimeout);
        failures.Check(options.MaxConcurrentRequests >= 1, nameof(options.MaxConcurrentRequests), "must be at least 1", options.MaxConcurrentRequests);
        failures.Check(options.QueueLimit >= 0, nameof(options.QueueLimit), "must not be negative", options.QueueLimit);
        failures.Check(options.CircuitBreakerFailureRatio is > 0 and <= 1, nameof(options.CircuitBreakerFailureRatio), "must be in (0, 1]", options.CircuitBreakerFailureRatio);
        failures.Check(options.CircuitBreakerMinimumThroughput >= 2, nameof(options.CircuitBreakerMinimumThroughput), "must be at least 2", options.CircuitBreakerMinimumThroughput);
        failures.Check(options.CircuitBreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(options.CircuitBreakerSamplingDuration), "must be at least 500 ms", options.CircuitBreakerSamplingDuration);
        failures.Check(options.CircuitBreakerBreakDuration >= TimeSpan.FromMilliseconds(500), nameof(options.CircuitBreakerBreakDuration), "must be at least 500 ms", options.CircuitBreakerBreakDuration);
    }
}
