namespace ClarityConnect.Connectors.OAuth;

/// <summary>Supplies a CRM connector with credentials, stores rotated refresh tokens and hears when the grant stopped working.
/// Implemented by the silo (it reads the encrypted settings).</summary>
/// <typeparam name="TCredentials">The CRM's credentials.</typeparam>
public interface ICrmCredentialsSource<TCredentials>
{
    /// <summary>The current credentials; throws the connector's "not configured" exception when the integration is disabled or not authorized.</summary>
    Task<TCredentials> GetAsync(CancellationToken cancellationToken);

    /// <summary>The identity provider returned a new refresh token (rotation): store it and discard the old one.</summary>
    Task RefreshTokenRotatedAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>The identity provider refused the refresh token or client credentials (<c>invalid_grant</c> and kin): an
    /// administrator must authorize again.</summary>
    Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken);
}
