namespace ClarityConnect.Abstractions.Integrations;

/// <summary>
/// The settings of one integration (key = <c>salesforce</c>, <c>dynamics</c>, <c>csi</c> or <c>platform</c>): validated
/// on update, versioned for optimistic concurrency, secrets encrypted at rest and never returned.
/// </summary>
public interface IIntegrationConfigGrain : IGrainWithStringKey
{
    /// <summary>The current settings (defaults at version 0 when never saved), without secret values.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IntegrationConfigView> GetAsync();

    /// <summary>
    /// Replaces the settings when <paramref name="expectedVersion"/> is the stored version. Throws
    /// <see cref="SettingsValidationException"/> (naming each setting <see cref="IntegrationSettingsValidator"/>
    /// refuses, secrets included) or <see cref="StaleVersionException"/> and stores nothing. Returns the new view with
    /// the incremented version.
    /// </summary>
    Task<IntegrationConfigView> UpdateAsync(IntegrationSettings settings, long expectedVersion);
}
