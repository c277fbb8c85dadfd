namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>An injected failure: status, Dataverse error code and message, and an optional Retry-After in seconds.</summary>
internal sealed record DataverseDoubleFailure(int StatusCode, string Code, string Message, int? RetryAfterSeconds);
