using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ClarityConnect.Connectors.Security;

/// <summary>
/// Removes known secret values from text a remote system sent (an FTP reply, an OAuth <c>error_description</c>, a CRM
/// error body, an HTTP reason phrase) before that text becomes an exception message, a log line, a stored
/// <c>lastError</c> or an API answer. Servers echo what they received, so every form a secret travels in is covered:
/// as is, percent-encoded (RFC 3986 and form encoding, any hex case), JSON-escaped, base64 and base64url, and
/// base64 of <c>user:secret</c> (HTTP Basic authentication).
/// </summary>
/// <remarks>
/// Each connector builds one from the credentials it is about to send and applies it where remote text enters its
/// exceptions, so every consumer above it (grains, logs, the admin API) only ever sees clean text. Matching ignores
/// case (over-redacting is harmless, missing an echo is not); every non-empty secret is redacted, however short.
/// </remarks>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>A redactor that knows no secret: text passes unchanged.</summary>
    public static readonly SecretRedactor None = new([]);

    private readonly string[] forms;

    private SecretRedactor(IEnumerable<string> forms) =>
        this.forms = forms.Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(f => f.Length).ToArray();

    /// <summary>A redactor for <paramref name="secrets"/>; null and empty values are ignored.</summary>
    public static SecretRedactor For(params IEnumerable<string?> secrets) => None.With(secrets);

    /// <summary>A redactor that also knows <paramref name="secrets"/>.</summary>
    public SecretRedactor With(params IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return new SecretRedactor(forms.Concat(secrets.Where(s => !string.IsNullOrEmpty(s)).SelectMany(s => FormsOf(s!))));
    }

    /// <summary>
    /// A redactor that also knows the HTTP Basic form of <paramref name="user"/> and <paramref name="secret"/>
    /// (<c>base64(user:secret)</c>, as an <c>Authorization</c> header carries them), and the secret itself.
    /// </summary>
    public SecretRedactor WithBasic(string? user, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return this;
        }

        var pairs = new[] { $"{user}:{secret}", $"{Uri.EscapeDataString(user ?? string.Empty)}:{Uri.EscapeDataString(secret)}" };
        return new SecretRedactor(forms.Concat(FormsOf(secret)).Concat(pairs.SelectMany(Base64Forms)));
    }

    /// <summary>Whether this redactor knows any secret.</summary>
    public bool IsEmpty => forms.Length == 0;

    /// <summary><paramref name="text"/> with every known secret, in every form, replaced by <see cref="Mask"/>.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var form in forms)
        {
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    private static IEnumerable<string> FormsOf(string secret)
    {
        yield return secret;
        var escaped = Uri.EscapeDataString(secret);
        yield return escaped;
        // application/x-www-form-urlencoded: FormUrlEncodedContent writes spaces as '+'; WebUtility encodes fewer characters.
        yield return escaped.Replace("%20", "+", StringComparison.Ordinal);
        yield return WebUtility.UrlEncode(secret);
        var json = JsonEncodedText.Encode(secret).ToString();
        yield return json;
        foreach (var base64 in Base64Forms(secret))
        {
            yield return base64;
        }
    }

    private static IEnumerable<string> Base64Forms(string value)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        yield return base64;
        var unpadded = base64.TrimEnd('=');
        yield return unpadded;
        yield return unpadded.Replace('+', '-').Replace('/', '_');
        yield return Uri.EscapeDataString(base64);
    }
}
