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
        failures.Between(options.MaxBatchSize, 1, 1_000);
        failures.Between(options.Linger, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        return failures.Result();
    }
}
