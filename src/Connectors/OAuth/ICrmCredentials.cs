using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>What the shared token flow (<see cref="CrmAccessTokenStore{TCredentials}"/>) needs to know about a CRM's
/// credentials: the refresh token (which the identity provider may rotate), the secrets to redact and what identifies them.</summary>
/// <typeparam name="TSelf">The CRM's credentials record.</typeparam>
public interface ICrmCredentials<TSelf>
    where TSelf : class, ICrmCredentials<TSelf>
{
    /// <summary>The refresh token; null means the client-credentials grant. Secret.</summary>
    string? RefreshToken { get; }

    /// <summary>Timeout of one request.</summary>
    TimeSpan RequestTimeout { get; }

    /// <summary>The secrets these credentials carry (client secret, refresh token), for removal from error texts.</summary>
    SecretRedactor Secrets { get; }

    /// <summary>A hash of everything that identifies these credentials: a different one means an administrator changed them
    /// and a token obtained with the old ones is stale.</summary>
    string Fingerprint { get; }

    /// <summary>The same credentials with a rotated refresh token.</summary>
    TSelf WithRefreshToken(string refreshToken);
}
