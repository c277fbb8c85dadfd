namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>An injected failure: the status, error code and message to answer with, and an optional Retry-After.</summary>
internal sealed record SalesforceDoubleFailure(int StatusCode, string ErrorCode, string Message, TimeSpan? RetryAfter);
