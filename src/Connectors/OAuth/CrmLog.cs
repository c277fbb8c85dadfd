using System.Net;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>The CRM connectors' log messages, each naming the CRM. None of them carries a token, a secret or a record's data.</summary>
internal static partial class CrmLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Obtained a {Crm} access token for {InstanceUrl} with the {Grant} grant, valid until {ExpiresAt}")]
    public static partial void TokenObtained(ILogger logger, string crm, Uri instanceUrl, string grant, DateTimeOffset? expiresAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Crm} answered 401 for {Method} {Path}; renewing the access token once")]
    public static partial void TokenRejected(ILogger logger, string crm, HttpMethod method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Issuer} refused the {Crm} credentials ({Error}); an administrator must authorize the integration again")]
    public static partial void ReauthorizationRequired(ILogger logger, string issuer, string crm, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Crm} {Method} {Path} failed with {StatusCode} {ErrorCode}")]
    public static partial void CallFailed(ILogger logger, string crm, HttpMethod method, string path, HttpStatusCode statusCode, string errorCode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Issuer} rotated the {Crm} refresh token; storing the new one")]
    public static partial void RefreshTokenRotated(ILogger logger, string issuer, string crm);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Could not store the rotated {Crm} refresh token; the connector keeps using it in memory")]
    public static partial void RotationNotStored(ILogger logger, string crm, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "{Crm} answered 401 for {Method} {Path}, whose content cannot be sent again; renewed the access token without retrying")]
    public static partial void NotResent(ILogger logger, string crm, HttpMethod method, string path);
}
