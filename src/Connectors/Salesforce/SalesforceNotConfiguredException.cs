namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The Salesforce integration is disabled, incomplete or waits for an administrator to authorize it.</summary>
public sealed class SalesforceNotConfiguredException(string message) : Exception(message);
