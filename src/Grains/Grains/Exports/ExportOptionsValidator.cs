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
        failures.Check(options.MaxAttempts is >= 1 and <= 100, nameof(options.MaxAttempts), "must be between 1 and 100", options.MaxAttempts);
        BackoffPeriodsRule.CheckBackoff(failures, options);
        // Orleans reminders tick at most about once a second; a reminder period above a day leaves stuck exports unnoticed.
        failures.Check(options.ReminderPeriod >= TimeSpan.FromSeconds(1) && options.ReminderPeriod <= TimeSpan.FromDays(1), nameof(options.ReminderPeriod), "must be between 1 second and 1 day", options.ReminderPeriod);
        return failures.Result();
    }
}
