using ClarityConnect.Connectors.Http;
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
        failures.Check(options.FirstRetryDelay > TimeSpan.Zero && options.FirstRetryDelay <= TimeSpan.FromHours(1), nameof(options.FirstRetryDelay), "must be more than 0 and at most 1 hour", options.FirstRetryDelay);
        failures.Check(options.MaxRetryDelay >= options.FirstRetryDelay && options.MaxRetryDelay <= TimeSpan.FromDays(1), nameof(options.MaxRetryDelay), "must be at least FirstRetryDelay and at most 1 day", options.MaxRetryDelay);
        // Orleans reminders tick at most about once a second; a reminder period above a day leaves stuck exports unnoticed.
        failures.Check(options.ReminderPeriod >= TimeSpan.FromSeconds(1) && options.ReminderPeriod <= TimeSpan.FromDays(1), nameof(options.ReminderPeriod), "must be between 1 second and 1 day", options.ReminderPeriod);
        return failures.Result();
    }
}
