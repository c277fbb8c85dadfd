namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Dataverse or Entra ID could not be reached or did not answer in time, after the connector's retries: a transient
/// condition (connection error, timeout, open circuit breaker, full request queue). Try again later.</summary>
public sealed class DataverseUnavailableException(string message, Exception innerException) : Exception(message, innerException);
