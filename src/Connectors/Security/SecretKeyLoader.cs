using System.Security.Cryptography;

namespace ClarityConnect.Connectors.Security;

/// <summary>Reads (or, for the embedded profile, creates) the key that encrypts stored secrets.</summary>
public static class SecretKeyLoader
{
    /// <summary>Returns the 32-byte key the options point at; the error names the setting that is wrong.</summary>
    public static byte[] Load(SecretProtectionOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return Decode(options.Key, "ClarityConnect:Secrets:Key");
        }

        if (string.IsNullOrWhiteSpace(options.KeyFile))
        {
            throw new InvalidOperationException(
                "No key to encrypt secrets: set ClarityConnect:Secrets:Key (environment variable ClarityConnect__Secrets__Key, 32 random bytes in base64) or ClarityConnect:Secrets:KeyFile.");
        }

        if (!File.Exists(options.KeyFile))
        {
            if (!options.CreateKeyFileIfMissing)
            {
                throw new InvalidOperationException($"ClarityConnect:Secrets:KeyFile '{options.KeyFile}' does not exist.");
            }

            Create(options.KeyFile);
        }

        return Decode(File.ReadAllText(options.KeyFile).Trim(), $"ClarityConnect:Secrets:KeyFile ({options.KeyFile})");
    }

    /// <summary>
    /// What makes <see cref="Load"/> fail for <paramref name="options"/>, naming the setting, or <see langword="null"/> when
    /// it will succeed. Creates nothing: a missing key file that <see cref="Load"/> would create is fine. The message never
    /// contains the key.
    /// </summary>
    public static string? Problem(SecretProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            if (string.IsNullOrWhiteSpace(options.Key) && !string.IsNullOrWhiteSpace(options.KeyFile) && !File.Exists(options.KeyFile) && options.CreateKeyFileIfMissing)
            {
                return null;
            }

            _ = Load(options);
            return null;
        }
        catch (InvalidOperationException problem)
        {
            return problem.Message;
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return $"ClarityConnect:Secrets:KeyFile ({options.KeyFile}) cannot be read: {unreadable.Message}";
        }
    }

    private static void Create(string path)
    {
        try
        {
            PrivateFiles.CreateNew(path, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another silo process created it first; use theirs.
        }
    }

    private static byte[] Decode(string base64, string setting)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length == 32 ? key : throw new InvalidOperationException($"{setting} must be 32 bytes in base64; it is {key.Length} bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not valid base64.");
        }
    }
}
