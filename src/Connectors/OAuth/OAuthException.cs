using System.Net;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>An OAuth token endpoint refused a request (<c>{"error":"...","error_description":"..."}</c>).</summary>
/// <remarks>The message holds the error code and description only, never a token, code or secret.</remarks>
public sealed class OAuthException : Exception
{
    // Salesforce documents these as permanent: only a new authorization by an administrator fixes them
    // (crm-wire-facts A1, "Token endpoint errors"); Entra ID's invalid_grant/interaction_required behave the same.
    private static readonly HashSet<string> ReauthorizationErrors = new(StringComparer.OrdinalIgnoreCase)
    {
        "invalid_grant",
        "invalid_client",
        "invalid_client_id",
        "unauthorized_client",
        "unsupported_grant_type",
        "inactive_user",
        "inactive_org",
        "interaction_required",
        "consent_required",
        "login_required",
    };

    /// <summary>Creates the exception for an error returned by a token endpoint.</summary>
    /// <param name="error">The <c>error</c> code, e.g. <c>invalid_grant</c>.</param>
    /// <param name="description">The <c>error_description</c>, if any.</param>
    /// <param name="statusCode">The HTTP status of the response, if there was one.</param>
    public OAuthException(string error, string? description, HttpStatusCode? statusCode = null)
        : base(FormatMessage(error, description, statusCode))
    {
        Error = error;
        Description = description;
        StatusCode = statusCode;
    }

    /// <summary>The OAuth <c>error</c> code, e.g. <c>invalid_grant</c>.</summary>
    public string Error { get; }

    /// <summary>The <c>error_description</c>, e.g. <c>expired access/refresh token</c>; null when absent.</summary>
    public string? Description { get; }

    /// <summary>The HTTP status of the token endpoint's response, when known.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>True when retrying cannot help and an administrator must authorize the integration again
    /// (<c>invalid_grant</c>, <c>invalid_client</c>, <c>unauthorized_client</c>, <c>inactive_user</c>, <c>inactive_org</c>, …).</summary>
    public bool RequiresReauthorization => IsReauthorizationError(Error);

    /// <summary>True when <paramref name="error"/> is one of the OAuth errors that need a new authorization.</summary>
    public static bool IsReauthorizationError(string? error) => error is not null && ReauthorizationErrors.Contains(error);

    private static string FormatMessage(string error, string? description, HttpStatusCode? statusCode)
    {
        var status = statusCode is null ? string.Empty : $" ({(int)statusCode})";
        return string.IsNullOrWhiteSpace(description)
            ? $"The OAuth token endpoint refused the request{status}: {error}."
            : $"The OAuth token endpoint refused the request{status}: {error} ({description}).";
    }
}
