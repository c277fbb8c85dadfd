namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Supplies the connector with credentials, stores rotated refresh tokens and hears when the grant stopped working. Implemented by the silo.</summary>
public interface IDataverseCredentialsSource
{
    /// <summary>The current credentials; throws <see cref="DataverseNotConfiguredException"/> when the integration is disabled or not authorized.</summary>
    Task<DataverseCredentials> GetAsync(CancellationToken cancellationToken);

    /// <summary>Entra ID returned a new refresh token (they rotate): store it and discard the old one.</summary>
    Task RefreshTokenRotatedAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>Entra ID refused the refresh token or client credentials (<c>invalid_grant</c> and kin): an administrator must authorize again.</summary>
    Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken);
}
