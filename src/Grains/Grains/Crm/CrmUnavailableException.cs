namespace ClarityConnect.Grains.Crm;

/// <summary>The CRM could not answer (disabled, not authorized, down, refused the request); the message says why, without secrets.</summary>
public sealed class CrmUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
