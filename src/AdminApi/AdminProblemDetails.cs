using Microsoft.AspNetCore.Http;

namespace ClarityConnect.AdminApi;

/// <summary>Fills in what a bare status code means, for the ProblemDetails the framework writes on the admin API's behalf.</summary>
internal static class AdminProblemDetails
{
    /// <summary>Adds a detail (and, for a 500, the trace id to look for in the log) to a problem that has none.</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        if (!problem.Extensions.TryGetValue("traceId", out var traceId) || traceId is null)
        {
            traceId = http.TraceIdentifier;
            problem.Extensions["traceId"] = traceId;
        }

        if (context.Exception is not null || (problem.Status >= StatusCodes.Status500InternalServerError && problem.Detail is null))
        {
            // Whatever the framework put there, an exception's text stays in the log (its scope carries this trace id).
            problem.Detail = $"The request failed; the server log has the details under trace id {traceId}.";
            return;
        }

        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The request is malformed: check its URL, query values and body.",
            StatusCodes.Status401Unauthorized =>
                $"A valid admin API key is required in the {ApiKeyStore.HeaderName} header or as 'Authorization: Bearer <key>' (or a bearer token, where enabled).",
            StatusCodes.Status403Forbidden => "The credentials are valid but not allowed to do this.",
            StatusCodes.Status404NotFound => "Nothing is served at this URL; the admin API is described at /openapi/admin.json.",
            StatusCodes.Status405MethodNotAllowed =>
                $"This URL does not accept {http.Request.Method}{(http.Response.Headers.Allow.Count > 0 ? $"; it accepts {http.Response.Headers.Allow}" : "")}.",
            StatusCodes.Status406NotAcceptable => "The admin API answers application/json (errors: application/problem+json).",
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than the admin API accepts (ClarityConnect:AdminApi:MaxRequestBodyBytes).",
            StatusCodes.Status415UnsupportedMediaType => "The request body's Content-Type is not supported: send application/json.",
            _ => null,
        };
    }
}
