using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>Proof Key for Code Exchange (RFC 7636) with the <c>S256</c> method.</summary>
public static class Pkce
{
    /// <summary>The <c>code_challenge_method</c> this helper produces.</summary>
    public const string Method = "S256";

    /// <summary>A fresh <c>code_verifier</c>: 64 random bytes, base64url without padding (86 characters, within RFC 7636's 43–128).</summary>
    public static string CreateVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(64));

    /// <summary>The <c>code_challenge</c> of <paramref name="verifier"/>: base64url (no padding) of its SHA-256 hash, encoded once.</summary>
    /// <exception cref="ArgumentException">The verifier is empty or outside RFC 7636's length or alphabet.</exception>
    public static string Challenge(string verifier)
    {
        if (!IsValidVerifier(verifier))
        {
            throw new ArgumentException("A PKCE code verifier is 43 to 128 characters of [A-Za-z0-9-._~].", nameof(verifier));
        }

        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <summary>True when <paramref name="challenge"/> is the <c>S256</c> challenge of <paramref name="verifier"/> (compared in constant time).</summary>
    public static bool Verify(string? verifier, string? challenge)
    {
        if (verifier is null || challenge is null || !IsValidVerifier(verifier))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Challenge(verifier)),
            Encoding.ASCII.GetBytes(challenge));
    }

    /// <summary>True when <paramref name="verifier"/> has RFC 7636's length (43–128) and alphabet (unreserved characters).</summary>
    public static bool IsValidVerifier(string? verifier)
    {
        if (verifier is null || verifier.Length is < 43 or > 128)
        {
            return false;
        }

        foreach (var c in verifier)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }
}
