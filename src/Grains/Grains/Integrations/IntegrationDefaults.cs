using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Integrations;

/// <summary>The settings of an integration that was never configured.</summary>
public static class IntegrationDefaults
{
    /// <summary>The defaults for configuration key <paramref name="integration"/>.</summary>
    public static IntegrationSettings For(string integration) => integration switch
    {
        IntegrationNames.Salesforce => new SalesforceSettings(),
        IntegrationNames.Dynamics => new DynamicsSettings(),
        IntegrationNames.Csi => new CsiSettings(),
        IntegrationNames.Platform => new PlatformSettings(),
        _ => throw new InvalidRequestException("integration", $"'{integration}' is not one of {string.Join(", ", IntegrationNames.All)}"),
    };
}
