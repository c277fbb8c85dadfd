using System.Globalization;
using System.Runtime.CompilerServices;

namespace ClarityConnect.Connectors.Http;

/// <summary>
/// The range rules the options validators share, reported through <see cref="OptionsFailures"/> in one wording, e.g.
/// <c>…:MaxAge must be between 1 second and 1 hour; it is 02:00:00.</c> The setting is named after the argument
/// (<c>options.MaxAge</c> → <c>MaxAge</c>), and durations in the rule read as words (<c>1 second</c>, <c>100 ms</c>).
/// </summary>
public static class OptionsRanges
{
    /// <summary>The value must lie between <paramref name="minimum"/> and <paramref name="maximum"/>, both included.</summary>
    public static void Between<T>(this OptionsFailures failures, T value, T minimum, T maximum,
        [CallerArgumentExpression(nameof(value))] string setting = "")
        where T : IComparable<T> =>
        failures.Check(value.CompareTo(minimum) >= 0 && value.CompareTo(maximum) <= 0, Name(setting),
            $"must be between {Text(minimum)} and {Text(maximum)}", value);

    /// <summary>The value must lie between another setting's value (named in the rule) and <paramref name="maximum"/>.</summary>
    public static void BetweenSettingAnd(this OptionsFailures failures, TimeSpan value, TimeSpan minimumSetting, TimeSpan maximum,
        [CallerArgumentExpression(nameof(value))] string setting = "",
        [CallerArgumentExpression(nameof(minimumSetting))] string minimumName = "") =>
        failures.Check(value >= minimumSetting && value <= maximum, Name(setting),
            $"must be at least {Name(minimumName)} and at most {Text(maximum)}", value);

    /// <summary>The duration must be more than zero and at most <paramref name="maximum"/>.</summary>
    public static void PositiveAtMost(this OptionsFailures failures, TimeSpan value, TimeSpan maximum,
        [CallerArgumentExpression(nameof(value))] string setting = "") =>
        failures.Check(value > TimeSpan.Zero && value <= maximum, Name(setting), $"must be more than 0 and at most {Text(maximum)}", value);

    /// <summary>The value must be at least <paramref name="minimum"/>.</summary>
    public static void AtLeast<T>(this OptionsFailures failures, T value, T minimum,
        [CallerArgumentExpression(nameof(value))] string setting = "")
        where T : IComparable<T> =>
        failures.Check(value.CompareTo(minimum) >= 0, Name(setting), $"must be at least {Text(minimum)}", value);

    /// <summary>The value must not be below zero.</summary>
    public static void NotNegative<T>(this OptionsFailures failures, T value,
        [CallerArgumentExpression(nameof(value))] string setting = "")
        where T : struct, IComparable<T> =>
        failures.Check(value.CompareTo(default) >= 0, Name(setting), "must not be negative", value);

    // options.MaxAge → MaxAge: the property the operator sets under the section.
    private static string Name(string expression) => expression[(expression.LastIndexOf('.') + 1)..];

    private static string Text<T>(T bound) => bound switch
    {
        TimeSpan duration => Words(duration),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => bound?.ToString() ?? string.Empty,
    };

    private static string Words(TimeSpan duration) => duration switch
    {
        { Ticks: 0 } => "0",
        { Ticks: var t } when t % TimeSpan.TicksPerDay == 0 => Count(duration.TotalDays, "day"),
        { Ticks: var t } when t % TimeSpan.TicksPerHour == 0 => Count(duration.TotalHours, "hour"),
        { Ticks: var t } when t % TimeSpan.TicksPerMinute == 0 => Count(duration.TotalMinutes, "minute"),
        { Ticks: var t } when t % TimeSpan.TicksPerSecond == 0 => Count(duration.TotalSeconds, "second"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds} ms"),
    };

    private static string Count(double count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
}
