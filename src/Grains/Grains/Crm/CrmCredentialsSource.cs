using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Grains.Integrations;

namespace ClarityConnect.Grains.Crm;

/// <summary>Gives a CRM connector its credentials: the stored settings with their secrets decrypted and, unless the
/// integration uses client credentials, the decrypted refresh token of the Key icon; stores a rotated refresh token and
/// reports a refused grant to the authorization grain. The same for both CRMs; <paramref name="mapping"/> is what differs.</summary>
/// <typeparam name="TSettings">The CRM's settings.</typeparam>
/// <typeparam name="TCredentials">The CRM connector's credentials.</typeparam>
public sealed class CrmCredentialsSource<TSettings, TCredentials>(
    CrmCredentialsMapping<TSettings, TCredentials> mapping,
    IntegrationSettingsCache settingsCache,
    IGrainFactory grains,
    ISecretProtector protector) : ICrmCredentialsSource<TCredentials>
    where TSettings : IntegrationSettings, ICrmConnectionSettings
    where TCredentials : class, ICrmCredentials<TCredentials>
{
    /// <summary>The settings' key (<see cref="IntegrationNames"/>).</summary>
    public string Integration => mapping.Integration;

    /// <inheritdoc />
    /// <exception cref="CrmNotConfiguredException">The integration is disabled, incomplete or not authorized.</exception>
    public async Task<TCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetWithSecretsAsync<TSettings>(mapping.Integration);
        var app = Unusable(settings) is { } problem ? throw new CrmNotConfiguredException(problem) : mapping.AppCredentials(settings);
        if (settings.UseClientCredentials)
        {
            return app;
        }

        var stored = await grains.GetGrain<ICrmTokenGrain>(mapping.Integration).GetProtectedRefreshTokenAsync()
            ?? throw new CrmNotConfiguredException($"{mapping.Crm} is not authorized: an administrator must click the Key icon.");
        return app.WithRefreshToken(protector.Unprotect(stored, CrmAuthorizationGrain.RefreshTokenPurpose(mapping.Integration)));
    }

    /// <summary>The application's credentials without a refresh token: what the Key icon's flow starts from.</summary>
    /// <exception cref="InvalidRequestException">The integration is disabled or incomplete (the field is the integration):
    /// an administrator asked to authorize settings that cannot work.</exception>
    public async Task<TCredentials> GetAppCredentialsAsync()
    {
        var settings = await settingsCache.GetWithSecretsAsync<TSettings>(mapping.Integration);
        return Unusable(settings) is { } problem
            ? throw new InvalidRequestException(mapping.Integration, problem)
            : mapping.AppCredentials(settings);
    }

    /// <inheritdoc />
    public Task RefreshTokenRotatedAsync(string refreshToken, CancellationToken cancellationToken) =>
        grains.GetGrain<ICrmTokenGrain>(mapping.Integration).StoreRefreshTokenAsync(refreshToken);

    /// <inheritdoc />
    public Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken) =>
        grains.GetGrain<ICrmAuthorizationGrain>(mapping.Integration).MarkNeedsReauthorizationAsync(reason);

    /// <summary>Why <paramref name="settings"/> give no application credentials, naming every missing setting; null when they do.</summary>
    private string? Unusable(TSettings settings)
    {
        if (!settings.Enabled)
        {
            return $"The {mapping.Crm} integration is disabled.";
        }

        var missing = mapping.Required(settings).Where(r => string.IsNullOrEmpty(r.Value)).Select(r => r.Label).ToArray();
        return missing.Length switch
        {
            0 => null,
            1 => $"The {mapping.Crm} {missing[0]} is not set.",
            _ => $"The {mapping.Crm} {string.Join(", ", missing[..^1])} and {missing[^1]} are not set.",
        };
    }
}
