using System.Security.Cryptography;
using System.Text;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>Hashes credentials (or a refresh token) so that they can be compared and used as keys without being kept in clear.</summary>
public static class CrmCredentialsFingerprint
{
    /// <summary>The SHA-256 (hex) of <paramref name="parts"/> joined by line feeds; a null part counts as empty.</summary>
    public static string Of(params ReadOnlySpan<string?> parts)
    {
        var material = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                material.Append('\n');
            }

            material.Append(parts[i]);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())));
    }
}
