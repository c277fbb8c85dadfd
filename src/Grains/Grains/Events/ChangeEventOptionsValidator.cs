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
        return failures.Result();
    }
}
