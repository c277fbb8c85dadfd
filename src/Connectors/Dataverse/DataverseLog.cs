using System.Net;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The connector's log messages. None of them carries a token, a secret or a record's data.</summary>
internal static partial class DataverseLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Obtained a Dataverse access token for {InstanceUrl} with the {Grant} grant, valid until {ExpiresAt}")]
    public static partial void TokenObtained(ILogger logger, Uri instanceUrl, string grant, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Dataverse answered 401 for {Method} {Path}; renewing the access token once")]
    public static partial void TokenRejected(ILogger logger, HttpMethod method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Entra ID refused the Dataverse credentials ({Error}); an administrator must authorize the integration again")]
    public static partial void ReauthorizationRequired(ILogger logger, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Dataverse {Method} {Path} failed with {StatusCode} {ErrorCode}")]
    public static partial void CallFailed(ILogger logger, HttpMethod method, string path, HttpStatusCode statusCode, string errorCode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Entra ID rotated the Dataverse refresh token; storing the new one")]
    public static partial void RefreshTokenRotated(ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Could not store the rotated Dataverse refresh token; the connector keeps using it in memory")]
    public static partial void RotationNotStored(ILogger logger, Exception exception);
}
