using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Security;

/// <summary>
/// Fails start-up when the key that encrypts stored secrets is unusable (not base64, not 256 bits, a key file that is
/// missing or unreadable), so a silo never runs while every settings write would fail. Names the setting, never the key.
/// </summary>
public sealed class SecretProtectionOptionsValidator : IValidateOptions<SecretProtectionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SecretProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(SecretProtectionOptions.Section);
        if (SecretKeyLoader.Problem(options) is { } problem)
        {
            failures.Add(problem);
        }

        return failures.Result();
    }
}
