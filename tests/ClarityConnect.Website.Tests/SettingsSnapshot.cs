using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// The settings of every integration as a test found them, to put back afterwards: the tests of the collection share a
/// cluster, and an integration a test enabled would otherwise stay enabled for the next. A secret that was not set is
/// cleared again; one that was set keeps its current value (secret values cannot be read back).
/// </summary>
internal sealed class SettingsSnapshot
{
    private readonly IReadOnlyList<IntegrationConfigView> _views;

    private SettingsSnapshot(IReadOnlyList<IntegrationConfigView> views) => _views = views;

    public static async Task<SettingsSnapshot> TakeAsync(IGrainFactory grains) =>
        new(await Task.WhenAll(IntegrationNames.All.Select(n => grains.GetGrain<IIntegrationConfigGrain>(n).GetAsync())));

    public async Task RestoreAsync(IGrainFactory grains)
    {
        foreach (var before in _views)
        {
            var grain = grains.GetGrain<IIntegrationConfigGrain>(before.Integration);
            var current = await grain.GetAsync();
            if (current.Version != before.Version)
            {
                await grain.UpdateAsync(WithSecretsAsBefore(before), current.Version);
            }
        }
    }

    private static IntegrationSettings WithSecretsAsBefore(IntegrationConfigView before)
    {
        string? Secret(string name) => before.SecretsSet.Contains(name) ? null : "";
        return before.Settings switch
        {
            SalesforceSettings s => s with { ConsumerSecret = Secret(SalesforceSettings.ConsumerSecretName) },
            DynamicsSettings d => d with { ClientKey = Secret(DynamicsSettings.ClientKeyName) },
            CsiSettings c => c with { DeveloperKey = Secret(CsiSettings.DeveloperKeyName), FtpPassword = Secret(CsiSettings.FtpPasswordName) },
            var other => other,
        };
    }
}
