using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>
/// A silo's access token for one CRM, shared by every client of both lanes (clients are transient; this is a singleton).
/// It obtains the token on first use, renews it single-flight (before it expires, when the issuer says when, and after a
/// 401), remembers rotated refresh tokens and, once the issuer refused the credentials for good, fails fast with that
/// refusal until the credentials change.
/// </summary>
/// <typeparam name="TCredentials">The CRM's credentials.</typeparam>
public sealed class CrmAccessTokenStore<TCredentials>
    where TCredentials : class, ICrmCredentials<TCredentials>
{
    private readonly string crm;
    private readonly ICrmCredentialsSource<TCredentials> source;
    private readonly Func<ICrmTokenGrant<TCredentials>> grant;
    private readonly TimeSpan refreshMargin;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly SemaphoreSlim renewGate = new(1, 1);
    private readonly ConcurrentDictionary<string, string> rotatedRefreshTokens = new(StringComparer.Ordinal);
    private volatile HeldToken? current;
    private (string Fingerprint, OAuthException Error)? refused;

    /// <summary>Creates the store of <paramref name="crm"/>'s token.</summary>
    /// <param name="crm">The CRM as administrators name it, e.g. <c>Salesforce</c> (logs and messages).</param>
    /// <param name="source">The credentials and where rotations and refusals are reported.</param>
    /// <param name="grant">The CRM's token endpoint; resolved per renewal, because it is a typed (transient) HTTP client.</param>
    /// <param name="refreshMargin">How long before its expiry a token is renewed.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The connector's logger.</param>
    public CrmAccessTokenStore(
        string crm,
        ICrmCredentialsSource<TCredentials> source,
        Func<ICrmTokenGrant<TCredentials>> grant,
        TimeSpan refreshMargin,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(crm);
        this.crm = crm;
        this.source = source;
        this.grant = grant;
        this.refreshMargin = refreshMargin;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>The CRM as administrators name it.</summary>
    public string Crm => crm;

    /// <summary>The token in use; null before the first call.</summary>
    public CrmAccessToken? Current => current?.Token;

    /// <summary>Forgets the token, the rotations and any refusal, e.g. after an administrator changed the instance.</summary>
    public void Reset()
    {
        current = null;
        refused = null;
        rotatedRefreshTokens.Clear();
    }

    /// <summary>A usable token and the credentials it belongs to, obtaining or renewing the token when needed.</summary>
    public async Task<(CrmAccessToken Token, TCredentials Credentials)> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = Normalize(await source.GetAsync(cancellationToken).ConfigureAwait(false));
        var now = current;
        return IsUsable(now, credentials)
            ? (now!.Token, credentials)
            : await RenewAsync(now?.Token, credentials, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces <paramref name="failed"/> (the token a 401 refused). Only one renewal runs at a time; a caller whose
    /// failed token was already replaced gets the replacement without another token request.</summary>
    public async Task<(CrmAccessToken Token, TCredentials Credentials)> RenewAsync(CrmAccessToken? failed, CancellationToken cancellationToken) =>
        await RenewAsync(failed, await source.GetAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<(CrmAccessToken Token, TCredentials Credentials)> RenewAsync(
        CrmAccessToken? failed, TCredentials credentials, CancellationToken cancellationToken)
    {
        await renewGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            credentials = Normalize(credentials);
            var fingerprint = credentials.Fingerprint;
            var now = current;
            if (!ReferenceEquals(now?.Token, failed) && IsUsable(now, credentials))
            {
                return (now!.Token, credentials);
            }

            // The same credentials were already refused for good: don't hammer the token endpoint (or the administrator)
            // once per call; new credentials have a new fingerprint and are tried.
            if (refused is { } r && r.Fingerprint == fingerprint)
            {
                throw new OAuthException(r.Error.Error, r.Error.Description, r.Error.StatusCode);
            }

            var endpoint = grant();
            CrmAccessToken issued;
            try
            {
                issued = credentials.RefreshToken is null
                    ? await endpoint.ClientCredentialsAsync(credentials, cancellationToken).ConfigureAwait(false)
                    : await endpoint.RefreshAsync(credentials, cancellationToken).ConfigureAwait(false);
            }
            catch (OAuthException ex) when (ex.RequiresReauthorization)
            {
                current = null;
                refused = (fingerprint, ex);
                await ReauthorizationRequiredAsync(endpoint.Issuer, ex, cancellationToken).ConfigureAwait(false);
                throw;
            }

            refused = null;
            CrmLog.TokenObtained(logger, crm, issued.InstanceUrl, OAuthTokenEndpoint.RenewalGrant(credentials.RefreshToken), issued.ExpiresAt);
            var rotated = credentials.RefreshToken is { } old && issued.RefreshToken is { } next && next != old ? next : null;
            if (rotated is not null)
            {
                rotatedRefreshTokens[CrmCredentialsFingerprint.Of(credentials.RefreshToken)] = rotated;
                credentials = credentials.WithRefreshToken(rotated);
            }

            // The rotated refresh token now lives in the credentials; the token every request carries holds no long-lived secret.
            var token = issued with { RefreshToken = null };
            current = new HeldToken(token, credentials.Fingerprint);
            if (rotated is not null)
            {
                await StoreRotationAsync(endpoint.Issuer, rotated, cancellationToken).ConfigureAwait(false);
            }

            return (token, credentials);
        }
        finally
        {
            renewGate.Release();
        }
    }

    /// <summary>The credentials to use: when their refresh token is one this store already rotated away from (the source has
    /// not caught up, or a caller read them just before the rotation), the newest refresh token replaces it, because the
    /// issuer may refuse the old one.</summary>
    private TCredentials Normalize(TCredentials credentials)
    {
        for (var hops = 0; hops < 16 && credentials.RefreshToken is { } token
            && rotatedRefreshTokens.TryGetValue(CrmCredentialsFingerprint.Of(token), out var next); hops++)
        {
            credentials = credentials.WithRefreshToken(next);
        }

        return credentials;
    }

    private bool IsUsable(HeldToken? held, TCredentials credentials) =>
        held is not null
        && held.CredentialsFingerprint == credentials.Fingerprint
        && (held.Token.ExpiresAt is not { } expires || timeProvider.GetUtcNow() < expires - refreshMargin);

    private async Task StoreRotationAsync(string issuer, string rotated, CancellationToken cancellationToken)
    {
        CrmLog.RefreshTokenRotated(logger, issuer, crm);
        try
        {
            await source.RefreshTokenRotatedAsync(rotated, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store keeps the new token in memory and maps the old one to it, so calls go on; the next rotation
            // tries to store again.
            CrmLog.RotationNotStored(logger, crm, ex);
        }
    }

    private Task ReauthorizationRequiredAsync(string issuer, OAuthException error, CancellationToken cancellationToken)
    {
        CrmLog.ReauthorizationRequired(logger, issuer, crm, error.Error);
        var whose = issuer == crm ? "the credentials" : $"the {crm} credentials";
        var reason = string.IsNullOrWhiteSpace(error.Description)
            ? $"{issuer} refused {whose}: {error.Error}."
            : $"{issuer} refused {whose}: {error.Error} ({error.Description}).";
        return source.ReauthorizationRequiredAsync(reason, cancellationToken);
    }

    /// <summary>The token in use and a hash of the credentials (after any rotation) that produced it: a different hash
    /// means an administrator changed them and the token is stale.</summary>
    private sealed record HeldToken(CrmAccessToken Token, string CredentialsFingerprint);
}
