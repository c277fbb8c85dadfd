using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Supplies the Salesforce connector with credentials (<see cref="SalesforceNotConfiguredException"/> when the integration
/// is disabled or not authorized), stores a rotated refresh token and hears when the grant stopped working. Implemented by the silo.</summary>
public interface ISalesforceCredentialsSource : ICrmCredentialsSource<SalesforceCredentials>;
