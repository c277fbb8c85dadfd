using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Security;

/// <summary>
/// AES-256-GCM with a random nonce per value and the purpose as associated data, so a ciphertext copied into another
/// slot does not decrypt. Format: <c>v1:{keyId}:{base64(nonce ‖ tag ‖ ciphertext)}</c>; the key id (a hash prefix of
/// the key) tells which key a value needs when keys are rotated.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly string _keyId;

    /// <summary>Creates the protector with the configured key.</summary>
    public AesGcmSecretProtector(IOptions<SecretProtectionOptions> options)
        : this(SecretKeyLoader.Load(options.Value))
    {
    }

    /// <summary>Creates the protector with a 32-byte key.</summary>
    public AesGcmSecretProtector(byte[] key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"The secret key must be 32 bytes (256 bits), not {key.Length}.", nameof(key));
        }

        _key = key;
        _keyId = Convert.ToHexStringLower(SHA256.HashData(key))[..8];
    }

    /// <inheritdoc />
    public string Protect(string plaintext, string purpose)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var blob = new byte[NonceSize + TagSize + plain.Length];
        var nonce = blob.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(NonceSize + TagSize), blob.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));
        return $"{Version}:{_keyId}:{Convert.ToBase64String(blob)}";
    }

    /// <inheritdoc />
    public string Unprotect(string protectedValue, string purpose)
    {
        var parts = protectedValue.Split(':');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("The stored secret is not in a format this version understands.");
        }

        if (parts[1] != _keyId)
        {
            throw new CryptographicException($"The stored secret was encrypted with key {parts[1]}, but the configured key is {_keyId}.");
        }

        var blob = Convert.FromBase64String(parts[2]);
        var plain = new byte[blob.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(blob.AsSpan(0, NonceSize), blob.AsSpan(NonceSize + TagSize), blob.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }
}
