using ClarityConnect.Connectors.Http;
using ClarityConnect.Grains.Retries;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Exports;

/// <summary>Fails start-up on unusable <see cref="ExportOptions"/>, naming the setting and its value.</summary>
public sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(ExportOptions.Section);
        failures.Between(options.MaxAttempts, 1, 100);
        BackoffPeriodsRule.CheckBackoff(failures, options);
        // Orleans reminders tick at most about once a second; a reminder period above a day leaves stuck exports unnoticed.
        failures.Between(options.ReminderPeriod, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        return failures.Result();
    }
}
