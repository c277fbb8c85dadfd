using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Csi;

/// <summary>Fails start-up on unusable <see cref="CsiEventClientOptions"/>, naming the setting as the CRM connectors' validators do.</summary>
public sealed class CsiEventClientOptionsValidator : IValidateOptions<CsiEventClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CsiEventClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(CsiEventClientOptions.Section);
        options.ValidateGuards(failures);
        return failures.Result();
    }
}
