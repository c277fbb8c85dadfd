namespace ClarityConnect.Abstractions.Integrations;

/// <summary>Thrown when an update carries invalid settings. Nothing was stored.</summary>
[GenerateSerializer]
public sealed class SettingsValidationException : Exception
{
    /// <summary>Creates the error listing every invalid setting.</summary>
    public SettingsValidationException(string integration, IReadOnlyList<SettingError> errors)
        : base($"Invalid {integration} settings (nothing was stored): {string.Join("; ", errors)}")
    {
        Integration = integration;
        Errors = errors;
    }

    /// <summary>The configuration key.</summary>
    [Id(0)] public string Integration { get; }
    /// <summary>Every invalid setting.</summary>
    [Id(1)] public IReadOnlyList<SettingError> Errors { get; }
}
