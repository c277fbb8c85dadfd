using System.Net;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The connector's log messages. None of them carries a token, a secret or a record's data.</summary>
internal static partial class SalesforceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Obtained a Salesforce session for {InstanceUrl} with the {Grant} grant")]
    public static partial void SessionObtained(ILogger logger, Uri instanceUrl, string grant);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Salesforce answered 401 for {Method} {Path}; renewing the session once")]
    public static partial void SessionExpired(ILogger logger, HttpMethod method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Salesforce refused the credentials ({Error}); an administrator must authorize the integration again")]
    public static partial void ReauthorizationRequired(ILogger logger, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Salesforce {Method} {Path} failed with {StatusCode} {ErrorCode}")]
    public static partial void CallFailed(ILogger logger, HttpMethod method, string path, HttpStatusCode statusCode, string errorCode);
}
