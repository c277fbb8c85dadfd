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
        failures.Between(options.MaxRetryAttempts, 1, 20);
        failures.Between(options.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        failures.Check(options.MaxRetryDelay >= options.RetryBaseDelay, nameof(options.MaxRetryDelay), "must not be below RetryBaseDelay", options.MaxRetryDelay);
        failures.NotNegative(options.MaxRetryAfter);
        failures.AtLeast(options.UploadTimeout, TimeSpan.FromMilliseconds(10));
        failures.Between(options.LookupTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2));
        options.ValidateGuards(failures);
    }
}
