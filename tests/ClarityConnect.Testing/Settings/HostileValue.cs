namespace ClarityConnect.Testing.Settings;

/// <summary>One entry of the hostile-input corpus: the string, what it is, and the kinds of setting that must accept it (every other kind must refuse it).</summary>
public sealed record HostileValue(string Label, string Value, IReadOnlySet<SettingKind> AcceptedBy)
{
    /// <summary>Whether a setting of <paramref name="kind"/> must accept the value.</summary>
    public bool IsAcceptedBy(SettingKind kind) => AcceptedBy.Contains(kind);

    /// <inheritdoc />
    public override string ToString() => Label;
}
