namespace ClarityConnect.Grains.Integrations;

/// <summary>A silo's settings cache, told by the config grain when an integration's settings change.</summary>
public interface IIntegrationSettingsObserver : IGrainObserver
{
    /// <summary>The settings of <see cref="IntegrationSettingsSnapshot.Integration"/> were saved as <paramref name="snapshot"/>.</summary>
    Task SettingsChangedAsync(IntegrationSettingsSnapshot snapshot);
}
