namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The keys of the <see cref="IIntegrationConfigGrain"/>s.</summary>
public static class IntegrationNames
{
    /// <summary>Salesforce.</summary>
    public const string Salesforce = "salesforce";
    /// <summary>Microsoft Dynamics 365 / Dataverse.</summary>
    public const string Dynamics = "dynamics";
    /// <summary>Virtual Observer (CSI World).</summary>
    public const string Csi = "csi";
    /// <summary>The platform settings exports need (admin website URL, recordings location).</summary>
    public const string Platform = "platform";

    /// <summary>Every configuration key, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Salesforce, Dynamics, Csi, Platform];
}
