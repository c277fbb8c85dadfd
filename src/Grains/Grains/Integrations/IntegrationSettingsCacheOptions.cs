namespace ClarityConnect.Grains.Integrations;

/// <summary>How long a silo trusts its cached integration settings without hearing from the config grain.</summary>
public sealed class IntegrationSettingsCacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:SettingsCache";

    /// <summary>
    /// A save reaches every silo's cache before it returns; this bounds how long a silo that missed it (the
    /// notification failed, or the config grain moved to another silo and forgot its subscribers) keeps using the old
    /// settings: an entry older than this is read again, and the subscription renewed, on the next use.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(30);
}
