using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Supplies the Dataverse connector with credentials (<see cref="DataverseNotConfiguredException"/> when the integration
/// is disabled or not authorized), stores rotated refresh tokens and hears when the grant stopped working. Implemented by the silo.</summary>
public interface IDataverseCredentialsSource : ICrmCredentialsSource<DataverseCredentials>;
