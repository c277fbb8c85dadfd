using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The silo's Dataverse access token and metadata cache, shared by every <see cref="DataverseClient"/> of both lanes (clients
/// are transient; this is a singleton). It renews the token before it expires, single-flight, and remembers rotated refresh tokens.</summary>
public sealed class DataverseSessionStore(TimeProvider timeProvider)
{
    private readonly SemaphoreSlim renewGate = new(1, 1);
    private readonly MetadataCache metadataCache = new(timeProvider);
    private readonly ConcurrentDictionary<string, string> rotatedRefreshTokens = new(StringComparer.Ordinal);
    private volatile DataverseSession? current;
    private (string Fingerprint, OAuthException Error)? refused;

    /// <summary>Forgets the token, the rotations and the cached metadata, e.g. after an administrator changed the environment.</summary>
    public void Reset()
    {
        current = null;
        refused = null;
        rotatedRefreshTokens.Clear();
        metadataCache.Clear();
    }

    internal DataverseSession? Current => current;

    /// <summary>The credentials to use: when their refresh token is one this store already rotated away from (the source has
    /// not caught up, or a caller read them just before the rotation), the newest refresh token replaces it, because Entra ID
    /// may refuse the old one.</summary>
    internal DataverseCredentials Normalize(DataverseCredentials credentials)
    {
        for (var hops = 0; hops < 16 && credentials.RefreshToken is { } token && rotatedRefreshTokens.TryGetValue(Hash(token), out var next); hops++)
        {
            credentials = credentials with { RefreshToken = next };
        }

        return credentials;
    }

    /// <summary>True when <paramref name="session"/> can serve a call with <paramref name="credentials"/> now.</summary>
    internal bool IsUsable(DataverseSession? session, DataverseCredentials credentials, TimeSpan margin) =>
        session is not null
        && session.CredentialsFingerprint == Fingerprint(credentials)
        && timeProvider.GetUtcNow() < session.ExpiresAt - margin;

    /// <summary>Returns a usable session. Only one renewal runs at a time; a caller whose <paramref name="failed"/> session was
    /// already replaced by a usable one gets the replacement without another token request.</summary>
    internal async Task<DataverseSession> RenewAsync(
        DataverseSession? failed,
        DataverseCredentials credentials,
        TimeSpan margin,
        Func<DataverseCredentials, CancellationToken, Task<DataverseToken>> acquire,
        Func<string, CancellationToken, Task> onRotated,
        Func<OAuthException, CancellationToken, Task> onReauthorizationRequired,
        CancellationToken cancellationToken)
    {
        await renewGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            credentials = Normalize(credentials);
            var fingerprint = Fingerprint(credentials);
            var now = current;
            if (!ReferenceEquals(now, failed) && IsUsable(now, credentials, margin))
            {
                return now!;
            }

            // The same credentials were already refused for good: don't hammer the token endpoint (or the administrator)
            // once per call; new credentials have a new fingerprint and are tried.
            if (refused is { } r && r.Fingerprint == fingerprint)
            {
                throw new OAuthException(r.Error.Error, r.Error.Description, r.Error.StatusCode);
            }

            DataverseToken token;
            try
            {
                token = await acquire(credentials, cancellationToken).ConfigureAwait(false);
            }
            catch (OAuthException ex) when (ex.RequiresReauthorization)
            {
                current = null;
                refused = (fingerprint, ex);
                await onReauthorizationRequired(ex, cancellationToken).ConfigureAwait(false);
                throw;
            }

            refused = null;
            if (credentials.RefreshToken is { } old && token.RefreshToken is { } rotated && rotated != old)
            {
                rotatedRefreshTokens[Hash(old)] = rotated;
                credentials = credentials with { RefreshToken = rotated };
                fingerprint = Fingerprint(credentials);
                current = new DataverseSession(token.AccessToken, token.ExpiresAt, credentials.InstanceUrl, fingerprint);
                await onRotated(rotated, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                current = new DataverseSession(token.AccessToken, token.ExpiresAt, credentials.InstanceUrl, fingerprint);
            }

            return current;
        }
        finally
        {
            renewGate.Release();
        }
    }

    internal static string Fingerprint(DataverseCredentials credentials)
    {
        var material = string.Join('\n',
            credentials.InstanceUrl.AbsoluteUri, credentials.TokenUrl.AbsoluteUri, credentials.ClientId, credentials.ClientSecret, credentials.RefreshToken ?? string.Empty);
        return Hash(material);
    }

    internal Task<T> GetOrAddMetadataAsync<T>(string key, TimeSpan duration, Func<Task<T>> load)
        where T : class => metadataCache.GetOrAddAsync(key, duration, load);

    private static string Hash(string material) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
}
