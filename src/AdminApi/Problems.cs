using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClarityConnect.AdminApi;

/// <summary>The ProblemDetails the admin API answers errors with; every one names what was wrong.</summary>
internal static class Problems
{
    /// <summary>400 with <c>errors</c> keyed by field (camelCase, as in the JSON).</summary>
    public static ProblemHttpResult Validation(IEnumerable<(string Field, string Message)> errors, string? detail = null)
    {
        var byField = errors
            .GroupBy(e => JsonField(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return TypedResults.Problem(new HttpValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Detail = detail ?? string.Join("; ", byField.Select(p => $"{p.Key}: {string.Join(", ", p.Value)}")),
        });
    }

    /// <summary>400 naming one field.</summary>
    public static ProblemHttpResult Validation(string field, string message) => Validation([(field, message)]);

    /// <summary>A problem with the given status naming <paramref name="field"/>.</summary>
    public static ProblemHttpResult Status(int status, string title, string detail, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
        {
            problem.Extensions["field"] = JsonField(field);
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>404 naming what was not found.</summary>
    public static ProblemHttpResult NotFound(string field, string detail) => Status(StatusCodes.Status404NotFound, "Not found", detail, field);

    /// <summary>The JSON (camelCase) name of a record member or path such as <c>ConsumerKey</c> or <c>DisabledQueues[0]</c>.</summary>
    public static string JsonField(string field) => field.Contains('-') ? field : // a header name, e.g. If-Match
        string.Join('.', field.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
