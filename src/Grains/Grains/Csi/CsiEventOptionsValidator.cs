using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>Fails start-up on unusable <see cref="CsiEventOptions"/>, naming the setting and its value.</summary>
public sealed class CsiEventOptionsValidator : IValidateOptions<CsiEventOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CsiEventOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(CsiEventOptions.Section);
        failures.Check(options.MaxBatchSize is >= 1 and <= 10_000, nameof(options.MaxBatchSize), "must be between 1 and 10000", options.MaxBatchSize);
        failures.Check(options.MaxBatchAge >= TimeSpan.Zero && options.MaxBatchAge <= TimeSpan.FromMinutes(1), nameof(options.MaxBatchAge), "must be between 0 and 1 minute", options.MaxBatchAge);
        failures.Check(options.FirstRetryDelay > TimeSpan.Zero && options.FirstRetryDelay <= TimeSpan.FromHours(1), nameof(options.FirstRetryDelay), "must be more than 0 and at most 1 hour", options.FirstRetryDelay);
        failures.Check(options.MaxRetryDelay >= options.FirstRetryDelay && options.MaxRetryDelay <= TimeSpan.FromDays(1), nameof(options.MaxRetryDelay), "must be at least FirstRetryDelay and at most 1 day", options.MaxRetryDelay);
        failures.Check(options.ProbePeriod >= TimeSpan.FromSeconds(1) && options.ProbePeriod <= TimeSpan.FromHours(1), nameof(options.ProbePeriod), "must be between 1 second and 1 hour", options.ProbePeriod);
        failures.Check(options.Queues is >= 1 and <= 256, nameof(options.Queues), "must be between 1 and 256", options.Queues);
        return failures.Result();
    }
}
