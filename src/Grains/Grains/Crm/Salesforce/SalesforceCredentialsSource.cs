using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Grains.Integrations;

namespace ClarityConnect.Grains.Crm.Salesforce;

/// <summary>Gives the Salesforce connector the stored settings, the decrypted Consumer Secret and refresh token; stores a rotated refresh token; reports a refused grant to the authorization grain.</summary>
public sealed class SalesforceCredentialsSource(IntegrationSettingsCache settingsCache, IGrainFactory grains, ISecretProtector protector) : ISalesforceCredentialsSource
{
    /// <inheritdoc />
    public async Task<SalesforceCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetWithSecretsAsync<SalesforceSettings>(IntegrationNames.Salesforce);
        var app = AppCredentials(settings);
        if (settings.UseClientCredentials)
        {
            return app;
        }

        var stored = await grains.GetGrain<ICrmTokenGrain>(IntegrationNames.Salesforce).GetProtectedRefreshTokenAsync()
            ?? throw new SalesforceNotConfiguredException("Salesforce is not authorized: an administrator must click the Key icon.");
        return app with { RefreshToken = protector.Unprotect(stored, CrmAuthorizationGrain.RefreshTokenPurpose(IntegrationNames.Salesforce)) };
    }

    /// <summary>The connected app's credentials without a refresh token: what the "Key icon" flow starts from.</summary>
    public async Task<SalesforceCredentials> GetAppCredentialsAsync(CancellationToken cancellationToken) =>
        AppCredentials(await settingsCache.GetWithSecretsAsync<SalesforceSettings>(IntegrationNames.Salesforce));

    /// <inheritdoc />
    public Task RefreshTokenRotatedAsync(string refreshToken, CancellationToken cancellationToken) =>
        grains.GetGrain<ICrmTokenGrain>(IntegrationNames.Salesforce).StoreRefreshTokenAsync(refreshToken);

    /// <inheritdoc />
    public Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken) =>
        grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Salesforce).MarkNeedsReauthorizationAsync(reason);

    private static SalesforceCredentials AppCredentials(SalesforceSettings settings)
    {
        if (!settings.Enabled)
        {
            throw new SalesforceNotConfiguredException("The Salesforce integration is disabled.");
        }

        if (string.IsNullOrEmpty(settings.ConsumerKey) || string.IsNullOrEmpty(settings.ConsumerSecret))
        {
            throw new SalesforceNotConfiguredException("The Salesforce Consumer Key and Consumer Secret are not set.");
        }

        return new SalesforceCredentials
        {
            LoginUrl = new Uri(settings.LoginUrl),
            ConsumerKey = settings.ConsumerKey,
            ConsumerSecret = settings.ConsumerSecret,
            ApiVersion = settings.ApiVersion,
            RequestTimeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds),
        };
    }
}
