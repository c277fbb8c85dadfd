using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Integrations;

/// <summary>Fails start-up on unusable <see cref="IntegrationSettingsCacheOptions"/>, naming the setting and its value.</summary>
public sealed class IntegrationSettingsCacheOptionsValidator : IValidateOptions<IntegrationSettingsCacheOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IntegrationSettingsCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(IntegrationSettingsCacheOptions.Section);
        // Below a second the cache re-reads the config grain on most requests; above an hour a silo that missed a save
        // runs on the old settings (credentials included) for too long.
        failures.Between(options.MaxAge, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        return failures.Result();
    }
}
