using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Fails start-up on unusable <see cref="SalesforceConnectorOptions"/>, naming the setting.</summary>
public sealed class SalesforceConnectorOptionsValidator : HttpConnectorOptionsValidator<SalesforceConnectorOptions>
{
    /// <inheritdoc />
    protected override string Section => SalesforceConnectorOptions.Section;

    /// <inheritdoc />
    protected override void ValidateConnector(SalesforceConnectorOptions options, OptionsFailures failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        failures.Check(options.ContentVersionJsonLimit > 0, nameof(options.ContentVersionJsonLimit), "must be positive", options.ContentVersionJsonLimit);
        failures.NotNegative(options.DescribeCacheDuration);
    }
}
