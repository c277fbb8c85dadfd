using ClarityConnect.Connectors.Http;
using ClarityConnect.Grains.Retries;
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
        BackoffPeriodsRule.CheckBackoff(failures, options);
        // Orleans reminders tick at most about once a second; a period above an hour leaves a stranded queue waiting long.
        failures.Check(options.ReminderPeriod >= TimeSpan.FromSeconds(1) && options.ReminderPeriod <= TimeSpan.FromHours(1), nameof(options.ReminderPeriod), "must be between 1 second and 1 hour", options.ReminderPeriod);
        failures.Check(options.ProbePeriod >= TimeSpan.FromSeconds(1) && options.ProbePeriod <= TimeSpan.FromHours(1), nameof(options.ProbePeriod), "must be between 1 second and 1 hour", options.ProbePeriod);
        failures.Check(options.Queues is >= 1 and <= 256, nameof(options.Queues), "must be between 1 and 256", options.Queues);
        return failures.Result();
    }
}
