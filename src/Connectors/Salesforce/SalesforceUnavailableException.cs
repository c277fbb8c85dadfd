namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Salesforce could not be reached or did not answer in time, after the connector's retries: a transient
/// condition (connection error, timeout, open circuit breaker, full request queue). Try again later.</summary>
public sealed class SalesforceUnavailableException(string message, Exception innerException) : Exception(message, innerException);
