using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Batching;

/// <summary>Fails start-up on unusable <see cref="GroupCommitOptions"/>; the options' name is their configuration section.</summary>
public sealed class GroupCommitOptionsValidator : IValidateOptions<GroupCommitOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GroupCommitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(string.IsNullOrEmpty(name) ? nameof(GroupCommitOptions) : name);
        failures.Check(options.MaxBatchSize is >= 1 and <= 1_000, nameof(options.MaxBatchSize), "must be between 1 and 1000", options.MaxBatchSize);
        failures.Check(options.Linger >= TimeSpan.Zero && options.Linger <= TimeSpan.FromSeconds(1), nameof(options.Linger), "must be between 0 and 1 second", options.Linger);
        return failures.Result();
    }
}
