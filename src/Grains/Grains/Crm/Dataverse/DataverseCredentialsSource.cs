using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Grains.Integrations;

namespace ClarityConnect.Grains.Crm.Dataverse;

/// <summary>Gives the Dataverse connector the stored settings, the decrypted Client Key and refresh token; stores rotated refresh tokens; reports a refused grant.</summary>
public sealed class DataverseCredentialsSource(IntegrationSettingsCache settingsCache, IGrainFactory grains, ISecretProtector protector) : IDataverseCredentialsSource
{
    /// <inheritdoc />
    public async Task<DataverseCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetWithSecretsAsync<DynamicsSettings>(IntegrationNames.Dynamics);
        var app = AppCredentials(settings);
        if (settings.UseClientCredentials)
        {
            return app;
        }

        var stored = await grains.GetGrain<ICrmTokenGrain>(IntegrationNames.Dynamics).GetProtectedRefreshTokenAsync()
            ?? throw new DataverseNotConfiguredException("Microsoft Dynamics is not authorized: an administrator must click the Key icon.");
        return app with { RefreshToken = protector.Unprotect(stored, CrmAuthorizationGrain.RefreshTokenPurpose(IntegrationNames.Dynamics)) };
    }

    /// <summary>The application's credentials without a refresh token: what the "Key icon" flow starts from.</summary>
    public async Task<DataverseCredentials> GetAppCredentialsAsync(CancellationToken cancellationToken) =>
        AppCredentials(await settingsCache.GetWithSecretsAsync<DynamicsSettings>(IntegrationNames.Dynamics));

    /// <inheritdoc />
    public Task RefreshTokenRotatedAsync(string refreshToken, CancellationToken cancellationToken) =>
        grains.GetGrain<ICrmTokenGrain>(IntegrationNames.Dynamics).StoreRefreshTokenAsync(refreshToken);

    /// <inheritdoc />
    public Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken) =>
        grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Dynamics).MarkNeedsReauthorizationAsync(reason);

    private static DataverseCredentials AppCredentials(DynamicsSettings settings)
    {
        if (!settings.Enabled)
        {
            throw new DataverseNotConfiguredException("The Microsoft Dynamics integration is disabled.");
        }

        if (settings.ClientId is null || settings.ClientKey is null || settings.InstanceUrl is null || settings.AuthorizationUrl is null || settings.TokenUrl is null)
        {
            throw new DataverseNotConfiguredException("The Microsoft Dynamics ClientId, Client Key, Instance URL, Authorization URL and Token URL must all be set.");
        }

        return new DataverseCredentials
        {
            InstanceUrl = new Uri(settings.InstanceUrl),
            AuthorizationUrl = new Uri(settings.AuthorizationUrl),
            TokenUrl = new Uri(settings.TokenUrl),
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientKey,
            RequestTimeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds),
        };
    }
}
