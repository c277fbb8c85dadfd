namespace ClarityConnect.Connectors.Security;

/// <summary>Encrypts secrets for storage and decrypts them for use inside the silo.</summary>
public interface ISecretProtector
{
    /// <summary>Encrypts <paramref name="plaintext"/>; <paramref name="purpose"/> (e.g. <c>salesforce/ConsumerSecret</c>) binds the result to its slot.</summary>
    string Protect(string plaintext, string purpose);

    /// <summary>Decrypts a value made by <see cref="Protect"/> for the same <paramref name="purpose"/>; throws <see cref="System.Security.Cryptography.CryptographicException"/> otherwise.</summary>
    string Unprotect(string protectedValue, string purpose);
}
