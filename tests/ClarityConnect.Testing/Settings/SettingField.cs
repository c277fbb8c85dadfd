using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Testing.Settings;

/// <summary>One string setting of one integration: its record member, JSON member and kind.</summary>
public sealed record SettingField(string Integration, string Member, SettingKind Kind, bool IsSecret = false)
{
    /// <summary>The member's name in the admin API's JSON.</summary>
    public string JsonName => char.ToLowerInvariant(Member[0]) + Member[1..];

    /// <summary>Whether the setting is a list of strings (the value goes in as its only entry).</summary>
    public bool IsList => Kind == SettingKind.QueueName;

    /// <inheritdoc />
    public override string ToString() => $"{Integration}.{JsonName}";

    /// <summary>Every string setting of every integration.</summary>
    public static IReadOnlyList<SettingField> All { get; } =
    [
        new(IntegrationNames.Salesforce, nameof(SalesforceSettings.ConsumerKey), SettingKind.Credential),
        new(IntegrationNames.Salesforce, nameof(SalesforceSettings.ConsumerSecret), SettingKind.Credential, IsSecret: true),
        new(IntegrationNames.Salesforce, nameof(SalesforceSettings.LoginUrl), SettingKind.Url),
        new(IntegrationNames.Salesforce, nameof(SalesforceSettings.ApiVersion), SettingKind.ApiVersion),
        new(IntegrationNames.Dynamics, nameof(DynamicsSettings.ClientId), SettingKind.ApplicationId),
        new(IntegrationNames.Dynamics, nameof(DynamicsSettings.ClientKey), SettingKind.Credential, IsSecret: true),
        new(IntegrationNames.Dynamics, nameof(DynamicsSettings.InstanceUrl), SettingKind.Url),
        new(IntegrationNames.Dynamics, nameof(DynamicsSettings.AuthorizationUrl), SettingKind.Url),
        new(IntegrationNames.Dynamics, nameof(DynamicsSettings.TokenUrl), SettingKind.Url),
        new(IntegrationNames.Csi, nameof(CsiSettings.InstanceAddress), SettingKind.HostOrUrl),
        new(IntegrationNames.Csi, nameof(CsiSettings.DeveloperKey), SettingKind.Credential, IsSecret: true),
        new(IntegrationNames.Csi, nameof(CsiSettings.FtpHostname), SettingKind.Host),
        new(IntegrationNames.Csi, nameof(CsiSettings.FtpUsername), SettingKind.Credential),
        new(IntegrationNames.Csi, nameof(CsiSettings.FtpPassword), SettingKind.Credential, IsSecret: true),
        new(IntegrationNames.Csi, nameof(CsiSettings.DisabledQueues), SettingKind.QueueName),
        new(IntegrationNames.Platform, nameof(PlatformSettings.AdminWebsiteBaseUrl), SettingKind.Url),
        new(IntegrationNames.Platform, nameof(PlatformSettings.RecordingsRoot), SettingKind.FolderOrUrl),
        new(IntegrationNames.Platform, nameof(PlatformSettings.DefaultPhoneRegion), SettingKind.PhoneRegion),
    ];

    /// <summary>A copy of <paramref name="settings"/> with this setting set to <paramref name="value"/>.</summary>
    public IntegrationSettings With(IntegrationSettings settings, string value)
    {
        var copy = (IntegrationSettings)settings.GetType().GetMethod("<Clone>$")!.Invoke(settings, null)!;
        settings.GetType().GetProperty(Member)!.SetValue(copy, IsList ? new[] { value } : value);
        return copy;
    }
}
