using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The check of PEM certificate settings: which blocks the text holds, and whether each certificate reads.</summary>
internal static partial class Pem
{
    /// <summary>
    /// What is wrong with <paramref name="value"/> as PEM certificates, or null. Never quotes the text: it names block
    /// labels and counts only (a pasted private key must not be echoed either).
    /// </summary>
    public static string? CertificatesProblem(string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            return $"is {value.Length} characters long; at most {maxLength} are allowed";
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is not ('\r' or '\n') && value[i] is < ' ' or > '~')
            {
                return $"must be PEM text (ASCII, line breaks allowed); it contains U+{(int)value[i]:X4} at character {i + 1}";
            }
        }

        var labels = BeginLine().Matches(value).Select(m => m.Groups["label"].Value).ToList();
        if (labels.FirstOrDefault(l => l != "CERTIFICATE") is { } other)
        {
            return other.Contains("PRIVATE KEY", StringComparison.Ordinal)
                ? $"holds a {other} block: paste only the CA certificate (-----BEGIN CERTIFICATE-----), never a private key"
                : $"holds a {other} block; only certificates (-----BEGIN CERTIFICATE-----) are accepted";
        }

        if (labels.Count == 0)
        {
            return "is not a PEM certificate: paste the CA certificate from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----";
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(value);
        }
        catch (CryptographicException)
        {
            return "holds a -----BEGIN CERTIFICATE----- block that is not a readable X.509 certificate (damaged or truncated base64?)";
        }

        try
        {
            return certificates.Count == labels.Count
                ? null
                : $"holds {labels.Count} certificate blocks but only {certificates.Count} read as certificates; check each block has its -----END CERTIFICATE----- line";
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    // RFC 7468 labels: printable ASCII without '-', at the start of a line.
    [GeneratedRegex(@"^-----BEGIN (?<label>[\x21-\x2C\x2E-\x7E](?:[\x20-\x2C\x2E-\x7E]*[\x21-\x2C\x2E-\x7E])?)-----", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BeginLine();
}
