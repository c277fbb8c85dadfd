using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// The "Key icon" for one CRM: starts authorizations with a one-use <c>state</c> and a PKCE verifier, completes them,
/// keeps the refresh token encrypted, and knows whether an administrator must authorize again.
/// </summary>
public sealed class CrmAuthorizationGrain(
    [PersistentState("crm-authorization")] IPersistentState<CrmAuthorizationState> state,
    IEnumerable<ICrmAuthorizer> authorizers,
    ISecretProtector protector,
    TimeProvider time) : Grain, ICrmAuthorizationGrain, ICrmTokenGrain
{
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private string Integration => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<Uri> BeginAsync(Uri redirectUri)
    {
        if (!redirectUri.IsAbsoluteUri)
        {
            throw new InvalidRequestException("redirectUri", "must be an absolute URL");
        }

        var authorizer = Authorizer();
        var oauthState = OAuthState.Create();
        var verifier = Pkce.CreateVerifier();
        var challenge = Pkce.Challenge(verifier);
        var url = await authorizer.AuthorizationUrlAsync(redirectUri, oauthState, challenge);
        var now = time.GetUtcNow();
        foreach (var expired in state.State.Pending.Where(p => p.Value.ExpiresAt < now).Select(p => p.Key).ToList())
        {
            state.State.Pending.Remove(expired);
        }

        state.State.Pending[oauthState] = new PendingAuthorization
        {
            ProtectedCodeVerifier = protector.Protect(verifier, Purpose("pkce")),
            RedirectUri = redirectUri,
            ExpiresAt = now + StateLifetime,
        };
        await state.WriteStateAsync();
        return url;
    }

    /// <inheritdoc />
    public async Task<AuthorizationStatus> CompleteAsync(string oauthState, string code)
    {
        if (string.IsNullOrEmpty(oauthState) || !state.State.Pending.Remove(oauthState, out var pending))
        {
            throw new InvalidRequestException("state", "is unknown or was already used; start the authorization again");
        }

        if (pending.ExpiresAt < time.GetUtcNow())
        {
            // Recorded, so the configuration page the administrator returns to says why nothing changed.
            RecordError("The authorization took too long: its state has expired; start the authorization again.");
            await state.WriteStateAsync();
            throw new InvalidRequestException("state", "has expired; start the authorization again");
        }

        await state.WriteStateAsync();

        try
        {
            var verifier = protector.Unprotect(pending.ProtectedCodeVerifier, Purpose("pkce"));
            var (refreshToken, authorizedAs) = await Authorizer().ExchangeCodeAsync(code, pending.RedirectUri, verifier, CancellationToken.None);
            state.State.ProtectedRefreshToken = protector.Protect(refreshToken, Purpose("refresh-token"));
            state.State.AuthorizedAs = authorizedAs;
            state.State.AuthorizedAt = time.GetUtcNow();
            state.State.NeedsReauthorization = false;
            state.State.LastError = null;
        }
        catch (Exception failure) when (failure is not InvalidRequestException)
        {
            RecordError($"Authorization failed: {failure.Message}");
        }

        await state.WriteStateAsync();
        return Status();
    }

    /// <inheritdoc />
    public async Task<AuthorizationStatus> RefuseAsync(string oauthState, string reason)
    {
        if (string.IsNullOrEmpty(oauthState) || !state.State.Pending.Remove(oauthState))
        {
            throw new InvalidRequestException("state", "is unknown or was already used; start the authorization again");
        }

        RecordError(reason);
        await state.WriteStateAsync();
        return Status();
    }

    private void RecordError(string error)
    {
        state.State.LastError = error;
        state.State.LastErrorAt = time.GetUtcNow();
    }

    /// <inheritdoc />
    public Task<AuthorizationStatus> GetStatusAsync() => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task MarkNeedsReauthorizationAsync(string reason)
    {
        state.State.NeedsReauthorization = true;
        RecordError(reason);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<string?> GetProtectedRefreshTokenAsync() => Task.FromResult(state.State.NeedsReauthorization ? null : state.State.ProtectedRefreshToken);

    /// <inheritdoc />
    public async Task StoreRefreshTokenAsync(string refreshToken)
    {
        state.State.ProtectedRefreshToken = protector.Protect(refreshToken, Purpose("refresh-token"));
        await state.WriteStateAsync();
    }

    /// <summary>The purpose the refresh token of <paramref name="integration"/> is encrypted for.</summary>
    public static string RefreshTokenPurpose(string integration) => $"{integration}/refresh-token";

    private string Purpose(string what) => $"{Integration}/{what}";

    private ICrmAuthorizer Authorizer() => authorizers.FirstOrDefault(a => a.Integration == Integration)
        ?? throw new InvalidRequestException("integration", $"'{Integration}' cannot be authorized on this silo");

    private AuthorizationStatus Status() => new()
    {
        Integration = Integration,
        Authorized = state.State.ProtectedRefreshToken is not null && !state.State.NeedsReauthorization,
        AuthorizedAs = state.State.AuthorizedAs,
        AuthorizedAt = state.State.AuthorizedAt,
        NeedsReauthorization = state.State.NeedsReauthorization,
        LastError = state.State.LastError,
        LastErrorAt = state.State.LastErrorAt,
    };
}
