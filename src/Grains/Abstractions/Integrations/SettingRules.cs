using System.Text.RegularExpressions;

namespace ClarityConnect.Abstractions.Integrations;

/// <summary>
/// The one rule of each kind of setting, shared by the config grain (the authority), the admin API (which checks
/// before calling the grain, to name JSON members) and the administrative website. Each rule returns what is wrong
/// with a value in words for an administrator, or null when it is acceptable; null and empty values are "not set"
/// and pass (whether a setting is required is the validator's business). No message quotes the value: it may be a
/// secret, and a hostile value does not belong in a log or a response.
/// </summary>
public static partial class SettingRules
{
    /// <summary>The longest secret, user name or key (characters).</summary>
    public const int MaxCredentialLength = 1024;
    /// <summary>The longest queue name (characters).</summary>
    public const int MaxQueueNameLength = 200;
    /// <summary>The most queues a list may hold.</summary>
    public const int MaxQueues = 1000;
    /// <summary>The longest URL (characters).</summary>
    public const int MaxUrlLength = 2048;
    /// <summary>The longest folder path (characters).</summary>
    public const int MaxPathLength = 1024;

    /// <summary>
    /// A secret, a user name or a key: no control or invisible formatting characters (CR, LF, NUL, bidi controls,
    /// zero-width characters), at most <see cref="MaxCredentialLength"/> characters, no white space at either end
    /// (refused rather than trimmed: silently changing a secret would make a wrong one look right).
    /// </summary>
    public static string? Credential(string? value) =>
        string.IsNullOrEmpty(value) ? null : SettingText.Trimmed(value, MaxCredentialLength);

    /// <summary>
    /// A list of queue names: at most <see cref="MaxQueues"/> entries, each printable (the credential characters rule),
    /// not blank, at most <see cref="MaxQueueNameLength"/> characters, no white space at either end, and no queue
    /// twice, ignoring case (queues are matched ignoring case).
    /// </summary>
    public static IReadOnlyList<string> QueueNames(IReadOnlyList<string?>? names)
    {
        if (names is null)
        {
            return ["must be a list (empty for none)"];
        }

        if (names.Count > MaxQueues)
        {
            return [$"lists {names.Count} queues; at most {MaxQueues} are allowed"];
        }

        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var error = string.IsNullOrWhiteSpace(name) ? "is empty" : SettingText.Trimmed(name, MaxQueueNameLength);
            if (error is null && !seen.TryAdd(name!, i))
            {
                error = $"repeats entry {seen[name!]} (queue names are compared ignoring case)";
            }

            if (error is not null)
            {
                errors.Add($"entry {i} {error}");
            }
        }

        return errors;
    }

    /// <summary>
    /// An absolute <c>https</c> URL (plain <c>http</c> only to this machine: <c>localhost</c>, 127.0.0.0/8,
    /// <c>[::1]</c>): no user name or password, no query, no fragment, no white space, backslashes or control
    /// characters (also not percent-encoded), no <c>.</c> or <c>..</c> path segments, an ASCII path; its host passes
    /// the <see cref="Host"/> rule (so no link-local or cloud-metadata address, in any spelling), and a port, when
    /// given, is the scheme's default or 1024 and up.
    /// </summary>
    public static string? Url(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (SettingText.Characters(value, MaxUrlLength) is { } characters)
        {
            return characters;
        }

        if (value.Any(char.IsWhiteSpace))
        {
            return "must not contain white space (percent-encode it as %20)";
        }

        if (value.Contains('\\'))
        {
            return "must not contain backslashes";
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? value[..schemeEnd].ToLowerInvariant() : "";
        if (scheme is not ("https" or "http"))
        {
            return "must be an absolute https URL, e.g. https://host.example.com";
        }

        if (value.Contains('#'))
        {
            return "must not have a fragment (#…)";
        }

        if (value.Contains('?'))
        {
            return "must not have a query (?…)";
        }

        var rest = value[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[slash..];
        if (authority.Contains('@'))
        {
            return "must not contain a user name or password (…@)";
        }

        if (NetworkAddress.Check(authority, webPort: true, out var loopback) is { } hostError)
        {
            return "host " + hostError;
        }

        if (scheme == "http" && !loopback)
        {
            return "must use https; plain http is accepted only to this machine (localhost, 127.0.0.1, [::1])";
        }

        if (PathError(path) is { } pathError)
        {
            return pathError;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out _) ? null : "is not a valid URL";
    }

    /// <summary>
    /// A host: a DNS name (ASCII letters, digits and hyphens in dot-separated labels, or an internationalized name in
    /// its registered IDNA form, with its domain), a dotted-quad IPv4 address or a bracketed IPv6 address, with an
    /// optional <c>:port</c>; nothing else. Link-local (169.254.0.0/16, fe80::/10, also IPv4-mapped), unspecified
    /// (0.0.0.0/8, ::), multicast and cloud-metadata addresses are refused.
    /// </summary>
    public static string? Host(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : SettingText.Characters(value, NetworkAddress.MaxLength) ?? NetworkAddress.Check(value, webPort: false, out _);

    /// <summary>
    /// A host as <see cref="Host"/> reached over https (so a port is 443 or 1024 and up), or a base URL as
    /// <see cref="Url"/> when the value has a scheme (<c>://</c>).
    /// </summary>
    public static string? HostOrUrl(string? value) =>
        string.IsNullOrEmpty(value) ? null
        : value.Contains("://", StringComparison.Ordinal) ? Url(value)
        : SettingText.Characters(value, NetworkAddress.MaxLength) ?? NetworkAddress.Check(value, webPort: true, out _);

    /// <summary>
    /// An absolute folder path (no <c>.</c> or <c>..</c> segments, the credential characters rule, at most
    /// <see cref="MaxPathLength"/> characters), or a base URL as <see cref="Url"/> when the value has a scheme.
    /// </summary>
    public static string? FolderOrUrl(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            return Url(value);
        }

        if (SettingText.Trimmed(value, MaxPathLength) is { } error)
        {
            return error;
        }

        if (!Path.IsPathFullyQualified(value))
        {
            return "must be an absolute folder path (e.g. /var/recordings) or an https URL";
        }

        if (value.Contains("//", StringComparison.Ordinal) || value.Contains("\\\\", StringComparison.Ordinal))
        {
            // "//server/share" is a network share on Windows, and an empty segment is never a folder's name.
            return "must not contain empty segments (// or \\\\)";
        }

        return value.Split('/', '\\').Any(s => s is "." or "..")
            ? "must not contain '.' or '..' segments"
            : null;
    }

    /// <summary>A Salesforce REST API version: two ASCII digits, then <c>.0</c> (e.g. <c>62.0</c>); required.</summary>
    public static string? ApiVersion(string? value) =>
        value is not null && ApiVersionPattern().IsMatch(value) ? null : "must be a Salesforce API version such as 62.0 (two digits, then .0)";

    /// <summary>An Entra ID application (client) id: a GUID in its 36-character form, e.g. <c>3f2504e0-4f89-11d3-9a0c-0305e82c3301</c>.</summary>
    public static string? ApplicationId(string? value) =>
        string.IsNullOrEmpty(value) || (value.Length == 36 && Guid.TryParseExact(value, "D", out _)) ? null
        : "must be the application (client) id, a GUID such as 6f9619ff-8b86-d011-b42d-00c04fc964ff";

    /// <summary>
    /// A default phone region: one of <see cref="PhoneRegions.All"/>, a two-letter region code in capitals such as
    /// <c>US</c>, <c>GB</c> or <c>DE</c> (ISO 3166-1 alpha-2) that has a telephone numbering plan.
    /// </summary>
    public static string? PhoneRegion(string? value) =>
        value is not null && PhoneRegions.All.Contains(value) ? null
        : "must be a two-letter region code in capitals that has a telephone numbering plan, such as US, GB or DE (ISO 3166-1 alpha-2)";

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static string? Range(int value, int min, int max) =>
        value < min || value > max ? $"is {value}; it must be from {min} to {max}" : null;

    private static string? PathError(string path)
    {
        if (!SettingText.IsVisibleAscii(path))
        {
            return "must have an ASCII path; percent-encode other characters";
        }

        for (var i = path.IndexOf('%'); i >= 0; i = path.IndexOf('%', i + 1))
        {
            if (i + 2 >= path.Length || !Uri.IsHexDigit(path[i + 1]) || !Uri.IsHexDigit(path[i + 2]))
            {
                return "has a '%' that does not start a percent-escape such as %20";
            }

            if (Convert.ToByte(path.Substring(i + 1, 2), 16) is < 0x20 or 0x7f)
            {
                return "encodes a control character in its path";
            }
        }

        return path.Split('/').Any(s => s.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase) is "." or "..")
            ? "must not contain '.' or '..' path segments"
            : null;
    }

    // [0-9], not \d (which matches other scripts' digits such as Arabic-Indic); \z, not $ (which matches before a final newline).
    [GeneratedRegex(@"\A[0-9]{2}\.0\z", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
