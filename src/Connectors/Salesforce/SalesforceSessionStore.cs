using System.Security.Cryptography;
using System.Text;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The silo's Salesforce session (access token, instance URL) and describe cache, shared by every
/// <see cref="SalesforceClient"/> of both lanes (clients are transient; this is a singleton). It makes renewals single-flight.</summary>
public sealed class SalesforceSessionStore(TimeProvider timeProvider)
{
    private readonly SemaphoreSlim renewGate = new(1, 1);
    private readonly MetadataCache describeCache = new(timeProvider);
    private volatile SalesforceSession? current;
    private (string Fingerprint, OAuthException Error)? refused;

    /// <summary>The instance URL of the current session; null before the first call.</summary>
    public Uri? InstanceUrl => current?.InstanceUrl;

    /// <summary>Forgets the session and the cached describes, e.g. after an administrator changed the org.</summary>
    public void Reset()
    {
        current = null;
        refused = null;
        describeCache.Clear();
    }

    internal SalesforceSession? Current => current;

    /// <summary>Returns a session for <paramref name="credentials"/>. Only one renewal runs at a time, and a caller whose
    /// <paramref name="failed"/> session was already replaced gets the replacement without another token request.</summary>
    internal async Task<SalesforceSession> RenewAsync(
        SalesforceSession? failed,
        SalesforceCredentials credentials,
        Func<SalesforceCredentials, CancellationToken, Task<SalesforceToken>> acquire,
        Func<OAuthException, CancellationToken, Task> onReauthorizationRequired,
        CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(credentials);
        await renewGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = current;
            if (now is not null && !ReferenceEquals(now, failed) && now.CredentialsFingerprint == fingerprint)
            {
                return now;
            }

            // The same credentials were already refused for good: don't hammer the token endpoint (or the
            // administrator's inbox) once per call; new credentials have a new fingerprint and are tried.
            if (refused is { } r && r.Fingerprint == fingerprint)
            {
                throw new OAuthException(r.Error.Error, r.Error.Description, r.Error.StatusCode);
            }

            try
            {
                var token = await acquire(credentials, cancellationToken).ConfigureAwait(false);
                var session = new SalesforceSession(token.AccessToken, token.InstanceUrl, fingerprint);
                current = session;
                refused = null;
                return session;
            }
            catch (OAuthException ex) when (ex.RequiresReauthorization)
            {
                current = null;
                refused = (fingerprint, ex);
                await onReauthorizationRequired(ex, cancellationToken).ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            renewGate.Release();
        }
    }

    internal static string Fingerprint(SalesforceCredentials credentials)
    {
        var material = string.Join('\n', credentials.LoginUrl.AbsoluteUri, credentials.ConsumerKey, credentials.ConsumerSecret, credentials.RefreshToken ?? string.Empty);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    internal Task<T> GetOrAddDescribeAsync<T>(string key, TimeSpan duration, Func<Task<T>> load)
        where T : class => describeCache.GetOrAddAsync(key, duration, load);
}
