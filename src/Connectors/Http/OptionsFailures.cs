namespace ClarityConnect.Connectors.Http;

/// <summary>Collects the failures of one options validation as <c>{Section}:{Setting} {rule}.</c> messages.</summary>
public sealed class OptionsFailures
{
    private readonly string section;
    private readonly List<string> failures = [];

    /// <summary>Starts an empty list for the configuration section <paramref name="section"/>.</summary>
    /// <param name="section">The prefix of every message, e.g. <c>Salesforce</c>.</param>
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
}
