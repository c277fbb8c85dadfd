namespace ClarityConnect.Connectors.OAuth;

/// <summary>A CRM integration is disabled, incomplete or waits for an administrator to authorize it (thrown by the
/// <see cref="ICrmCredentialsSource{TCredentials}"/>; the message names the CRM and what is missing).</summary>
public sealed class CrmNotConfiguredException(string message) : Exception(message);
