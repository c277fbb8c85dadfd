using System.Globalization;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Integrations;
using Microsoft.AspNetCore.Http;

namespace ClarityConnect.AdminApi.Website.Components.Configuration;

/// <summary>
/// One integration's group in edit mode: the values the page shows (from the stored settings, or as the administrator
/// posted them), the version they were edited from, and the message of each field that was refused. Secret values are
/// never held for display: only whether one was typed or cleared.
/// </summary>
public sealed class SettingsGroupForm
{
    /// <summary>The suffix of a secret's "Clear …" checkbox and of the free-entry box of a queue list.</summary>
    public const string ClearSuffix = ".clear", OtherSuffix = ".other";

    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typedSecrets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clearedSecrets = new(StringComparer.Ordinal);

    private SettingsGroupForm(SettingGroup group, IntegrationConfigView stored, long version)
    {
        Group = group;
        Stored = stored;
        Version = version;
    }

    /// <summary>The integration's group of the catalogue.</summary>
    public SettingGroup Group { get; }

    /// <summary>The stored settings (when the page loaded, or when the save was refused).</summary>
    public IntegrationConfigView Stored { get; private set; }

    /// <summary>The version the shown values were edited from; the next Save expects it.</summary>
    public long Version { get; private set; }

    /// <summary>The queue names of the queue list (checked or typed).</summary>
    public List<string> Queues { get; } = [];

    /// <summary>The refused fields: member name → message (e.g. "is required when the integration is enabled").</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the group was not saved as a whole (it lost a race), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The form field name of <paramref name="field"/> in this group, e.g. <c>salesforce.consumerKey</c>.</summary>
    public string FieldName(SettingField field) => Group.Integration + "." + field.Name;

    /// <summary>The form field name of the group's version.</summary>
    public string VersionName => VersionField(Group);

    /// <summary>The shown text of a text or number field, or null.</summary>
    public string? Text(SettingField field) => _values.GetValueOrDefault(field.Name);

    /// <summary>Whether a flag is checked.</summary>
    public bool IsChecked(SettingField field) => _values.GetValueOrDefault(field.Name) == "true";

    /// <summary>Whether the stored settings have the secret <paramref name="field"/>.</summary>
    public bool IsSecretSet(SettingField field) => Stored.SecretsSet.Any(s => Problems.JsonField(s) == field.Name);

    /// <summary>Whether the posted form typed a new value of the secret (which is not shown again).</summary>
    public bool WasSecretTyped(SettingField field) => _typedSecrets.Contains(field.Name);

    /// <summary>Whether the posted form asked to clear the secret.</summary>
    public bool IsSecretCleared(SettingField field) => _clearedSecrets.Contains(field.Name);

    /// <summary>The group showing <paramref name="stored"/>.</summary>
    public static SettingsGroupForm FromStored(SettingGroup group, IntegrationConfigView stored)
    {
        var form = new SettingsGroupForm(group, stored, stored.Version);
        var json = SettingsDocument.ToJson(stored.Settings);
        foreach (var field in group.Fields)
        {
            switch (json[field.Name])
            {
                case JsonArray queues:
                    form.Queues.AddRange(queues.Select(q => q!.GetValue<string>()));
                    break;
                case JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.True:
                    form._values[field.Name] = "true";
                    break;
                case JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.String:
                    form._values[field.Name] = value.GetValue<string>();
                    break;
                case JsonValue value when value.GetValueKind() is System.Text.Json.JsonValueKind.Number:
                    form._values[field.Name] = value.ToJsonString();
                    break;
            }
        }

        return form;
    }

    /// <summary>The group as <paramref name="posted"/>, edited from the version the form carries.</summary>
    public static SettingsGroupForm FromPost(SettingGroup group, IntegrationConfigView stored, IFormCollection posted)
    {
        var versionText = posted[VersionField(group)].ToString();
        var version = long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var form = new SettingsGroupForm(group, stored, version);
        var storedForm = FromStored(group, stored);
        foreach (var field in group.Fields)
        {
            var name = form.FieldName(field);
            switch (field.Kind)
            {
                case SettingKind.Secret:
                    if (!string.IsNullOrEmpty(posted[name].ToString()))
                    {
                        form._typedSecrets.Add(field.Name);
                    }

                    if (posted[name + ClearSuffix].ToString() == "true")
                    {
                        form._clearedSecrets.Add(field.Name);
                    }

                    break;
                case SettingKind.Queues:
                    var typed = posted[name + OtherSuffix].ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
                    form.Queues.AddRange(posted[name].Where(q => !string.IsNullOrEmpty(q)).Select(q => q!).Concat(typed));
                    break;
                case SettingKind.Flag:
                    form._values[field.Name] = posted[name].ToString() == "true" ? "true" : null;
                    break;
                case SettingKind.Multiline:
                    // Browsers post a text area's lines with CRLF; the stored text is kept when only line ends differ,
                    // so an untouched group is not taken for a change.
                    var lines = posted[name].ToString().ReplaceLineEndings("\n");
                    var storedText = storedForm.Text(field);
                    form._values[field.Name] = storedText?.ReplaceLineEndings("\n") == lines ? storedText : lines;
                    break;
                default:
                    form._values[field.Name] = posted[name].ToString();
                    break;
            }
        }

        return form;
    }

    /// <summary>
    /// The posted settings, with the secrets as <see cref="IntegrationSettings"/> carries them on an update (typed: the
    /// new value; cleared: empty; neither: null, kept). A field that cannot be read (not a number, a secret both typed
    /// and cleared) is recorded in <see cref="Errors"/> and left at its default or kept, so the rules can still check
    /// the others; null only when the settings cannot be bound at all (<see cref="Problem"/>).
    /// </summary>
    public IntegrationSettings? ToSettings(IFormCollection posted)
    {
        var json = new JsonObject();
        foreach (var field in Group.Fields)
        {
            var text = Text(field);
            switch (field.Kind)
            {
                case SettingKind.Flag:
                    json[field.Name] = IsChecked(field);
                    break;
                case SettingKind.Number when int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                    json[field.Name] = number;
                    break;
                case SettingKind.Number:
                    // Left at its default, so the rules still check the group's other settings.
                    Errors[field.Name] = "must be a whole number";
                    break;
                case SettingKind.Secret when WasSecretTyped(field) && IsSecretCleared(field):
                    Errors[field.Name] = "was both typed and marked to be cleared; do one or the other";
                    json[field.Name] = null;
                    break;
                case SettingKind.Secret:
                    json[field.Name] = WasSecretTyped(field) ? posted[FieldName(field)].ToString() : IsSecretCleared(field) ? "" : null;
                    break;
                case SettingKind.Queues:
                    json[field.Name] = new JsonArray(Queues.Distinct(StringComparer.Ordinal).Select(q => (JsonNode)JsonValue.Create(q)).ToArray());
                    break;
                default:
                    // Empty means not set; the rules say which settings must have a value.
                    json[field.Name] = string.IsNullOrEmpty(text) ? null : text;
                    break;
            }
        }

        var (settings, problem) = SettingsDocument.Bind(Stored.Settings.GetType(), json);
        if (problem is not null)
        {
            Problem = $"The {Group.Title} settings could not be read; nothing was stored.";
        }

        return settings;
    }

    /// <summary>
    /// Records the errors of the shared rules (fields named as in the settings record); a field the form could not
    /// read keeps that message, since the rules saw its default rather than what was typed.
    /// </summary>
    public void AddErrors(IEnumerable<SettingError> errors)
    {
        var unreadable = Errors.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            var name = Problems.JsonField(error.Field);
            if (!unreadable.Contains(name))
            {
                Errors[name] = Errors.TryGetValue(name, out var earlier) ? earlier + "; " + error.Message : error.Message;
            }
        }
    }

    /// <summary>Records that the group was stored as <paramref name="saved"/> (so a later Save of the page expects its new version).</summary>
    public void Committed(IntegrationConfigView saved)
    {
        Stored = saved;
        Version = saved.Version;
    }

    /// <summary>
    /// Records that someone saved version <paramref name="current"/> since the values were loaded: the typed values
    /// stay, and the next Save, expecting the new version, knowingly replaces it.
    /// </summary>
    public void LostRace(IntegrationConfigView current, long edited)
    {
        Problem = $"Someone else changed the {Group.Title} settings while you were editing them (you edited version {edited}, "
            + $"the stored version is {current.Version}). Nothing was saved. Your values are kept below: check them and click Save again "
            + "to replace the other change, or Cancel to see the stored settings.";
        Stored = current;
        Version = current.Version;
    }

    private static string VersionField(SettingGroup group) => group.Integration + ".version";
}
