using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Events;

/// <summary>Fails start-up on unusable <see cref="ChangeEventOptions"/>, naming the setting and its value.</summary>
public sealed class ChangeEventOptionsValidator : IValidateOptions<ChangeEventOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ChangeEventOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(ChangeEventOptions.Section);
        // The period also lowers Orleans' MinimumReminderPeriod; below a second reminders would fire constantly.
        failures.Check(options.RedeliveryPeriod >= TimeSpan.FromSeconds(1) && options.RedeliveryPeriod <= TimeSpan.FromHours(1), nameof(options.RedeliveryPeriod), "must be between 1 second and 1 hour", options.RedeliveryPeriod);
        failures.Check(options.ReminderRetention >= options.RedeliveryPeriod && options.ReminderRetention <= TimeSpan.FromDays(1), nameof(options.ReminderRetention), "must be at least RedeliveryPeriod and at most 1 day", options.ReminderRetention);
        // Acknowledgements arriving after the redelivery tick would have every event republished once for nothing.
        failures.Check(options.AcknowledgementDelay > TimeSpan.Zero && options.AcknowledgementDelay <= options.RedeliveryPeriod / 2, nameof(options.AcknowledgementDelay), "must be more than 0 and at most half of RedeliveryPeriod", options.AcknowledgementDelay);
        return failures.Result();
    }
}
