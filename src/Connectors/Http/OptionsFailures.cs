using System.Globalization;

namespace ClarityConnect.Connectors.Http;

/// <summary>
/// Collects the failures of one options validation as <c>{Section}:{Setting} {rule}.</c> messages, e.g.
/// <c>ClarityConnect:Exports:MaxAttempts must be between 1 and 100; it is -3.</c> Every <c>IValidateOptions</c> of the
/// project reports through it, so each message names the configuration path an operator sets.
/// </summary>
public sealed class OptionsFailures
{
    private readonly string section;
    private readonly List<string> failures = [];

    /// <summary>Starts an empty list for the configuration section <paramref name="section"/>.</summary>
    /// <param name="section">The prefix of every message, e.g. <c>ClarityConnect:Exports</c>.</param>
    public OptionsFailures(string section)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        this.section = section;
    }

    /// <summary>The messages so far, in the order of the failed checks.</summary>
    public IReadOnlyList<string> Messages => failures;

    /// <summary>Records <paramref name="setting"/> <paramref name="rule"/> unless <paramref name="ok"/>.</summary>
    /// <param name="ok">Whether the setting satisfies the rule.</param>
    /// <param name="setting">The setting's name, e.g. <c>nameof(options.QueueLimit)</c>.</param>
    /// <param name="rule">What the setting must be, e.g. <c>must not be negative</c>.</param>
    public void Check(bool ok, string setting, string rule)
    {
        if (!ok)
        {
            failures.Add($"{section}:{setting} {rule}.");
        }
    }

    /// <summary>Records <paramref name="setting"/> <paramref name="rule"/> and the value it has, unless <paramref name="ok"/>.
    /// Only for values that are not secret (numbers, durations, names).</summary>
    /// <param name="ok">Whether the setting satisfies the rule.</param>
    /// <param name="setting">The setting's name, e.g. <c>nameof(options.MaxAttempts)</c>.</param>
    /// <param name="rule">What the setting must be, e.g. <c>must be between 1 and 100</c>.</param>
    /// <param name="value">The value it has, shown after the rule.</param>
    public void Check<T>(bool ok, string setting, string rule, T value)
    {
        if (!ok)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{section}:{setting} {rule}; it is {value}."));
        }
    }

    /// <summary>Records a failure whose message is already complete (it names its own setting).</summary>
    /// <param name="message">The message, e.g. one from <c>SecretKeyLoader.Problem</c>.</param>
    public void Add(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        failures.Add(message);
    }

    /// <summary>The result for <c>IValidateOptions.Validate</c>: success when nothing failed.</summary>
    public Microsoft.Extensions.Options.ValidateOptionsResult Result() =>
        failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
}
