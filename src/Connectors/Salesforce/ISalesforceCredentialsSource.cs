namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Supplies the connector with credentials and hears when they stopped working. Implemented by the silo (it reads the encrypted settings).</summary>
public interface ISalesforceCredentialsSource
{
    /// <summary>The current credentials; throws <see cref="SalesforceNotConfiguredException"/> when the integration is disabled or not authorized.</summary>
    Task<SalesforceCredentials> GetAsync(CancellationToken cancellationToken);

    /// <summary>Salesforce refused the refresh token or client credentials (<c>invalid_grant</c> and friends): an administrator must authorize again.</summary>
    Task ReauthorizationRequiredAsync(string reason, CancellationToken cancellationToken);
}
