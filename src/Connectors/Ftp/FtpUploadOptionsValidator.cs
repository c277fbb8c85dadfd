using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>Fails start-up on unusable <see cref="FtpUploadOptions"/>, naming the setting as the other connectors' validators do.</summary>
public sealed class FtpUploadOptionsValidator : IValidateOptions<FtpUploadOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FtpUploadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(FtpUploadOptions.Section);
        failures.Between(options.UploadTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        options.ValidateCircuitBreaker(failures);
        return failures.Result();
    }
}
