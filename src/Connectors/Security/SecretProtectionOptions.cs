namespace ClarityConnect.Connectors.Security;

/// <summary>Where the key that encrypts stored secrets comes from.</summary>
public sealed class SecretProtectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:Secrets";

    /// <summary>The 256-bit key, base64 (e.g. from an environment variable or a secret store). Takes precedence over <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the base64 key; created with a new random key (owner-only permissions) when <see cref="CreateKeyFileIfMissing"/> and it does not exist.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Whether a missing <see cref="KeyFile"/> is created (the embedded profile does this on first start).</summary>
    public bool CreateKeyFileIfMissing { get; set; }
}
