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
        failures.Between(options.MaxBatchSize, 1, 10_000);
        failures.Between(options.MaxBatchAge, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        BackoffPeriodsRule.CheckBackoff(failures, options);
        // Orleans reminders tick at most about once a second; a period above an hour leaves a stranded queue waiting long.
        failures.Between(options.ReminderPeriod, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        failures.Between(options.ProbePeriod, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        failures.Between(options.Queues, 1, 256);
        return failures.Result();
    }
}
