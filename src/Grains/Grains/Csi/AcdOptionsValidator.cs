using ClarityConnect.Connectors.Http;
using ClarityConnect.Grains.Retries;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>Fails start-up on unusable <see cref="AcdOptions"/>, naming the setting and its value.</summary>
public sealed class AcdOptionsValidator : IValidateOptions<AcdOptions>
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AcdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(AcdOptions.Section);
        // Intervals start at multiples of the length since midnight UTC: a length that does not divide the day would
        // leave a short interval before midnight and shift every interval of the next day.
        failures.Check(
            options.IntervalLength >= TimeSpan.FromSeconds(1) && options.IntervalLength <= Day && Day.Ticks % options.IntervalLength.Ticks == 0,
            nameof(options.IntervalLength), "must be between 1 second and 1 day and divide the day evenly (e.g. 00:15:00, 00:30:00, 01:00:00)", options.IntervalLength);
        failures.Between(options.UploadDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        failures.Between(options.RetryPeriod, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        BackoffPeriodsRule.CheckBackoff(failures, options);
        failures.PositiveAtMost(options.ServiceLevelThreshold, TimeSpan.FromHours(1));
        return failures.Result();
    }
}
