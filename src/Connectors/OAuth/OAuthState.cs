using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>The OAuth <c>state</c> parameter: an unguessable value bound to one authorization attempt (CSRF protection).</summary>
public static class OAuthState
{
    /// <summary>A fresh random, URL-safe state value (32 random bytes, base64url, 43 characters).</summary>
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Compares the state sent with the one returned, in constant time; false when either is missing.</summary>
    public static bool Matches(string? expected, string? received)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(received))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(received));
    }
}
