namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The Dynamics integration is disabled, incomplete or waits for an administrator to authorize it.</summary>
public sealed class DataverseNotConfiguredException(string message) : Exception(message);
