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
        failures.Between(options.RedeliveryPeriod, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        failures.BetweenSettingAnd(options.ReminderRetention, options.RedeliveryPeriod, TimeSpan.FromDays(1));
        // Acknowledgements arriving after the redelivery tick would have every event republished once for nothing.
        failures.Check(options.AcknowledgementDelay > TimeSpan.Zero && options.AcknowledgementDelay <= options.RedeliveryPeriod / 2, nameof(options.AcknowledgementDelay), "must be more than 0 and at most half of RedeliveryPeriod", options.AcknowledgementDelay);
        return failures.Result();
    }
}
