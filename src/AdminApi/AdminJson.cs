using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClarityConnect.AdminApi;

/// <summary>The admin API's JSON: web defaults (camelCase), enums as strings, unknown members and duplicate members refused, numbers only as JSON numbers.</summary>
internal static class AdminJson
{
    /// <summary>The options for request bodies and the hand-built responses.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the admin API conventions to <paramref name="options"/>.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }
    }

    /// <summary>Reads the request body as a JSON object; a 400 or 413 problem when it is not one.</summary>
    public static async Task<(JsonObject? Body, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, long maxBytes, CancellationToken cancellation)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: cancellation);
            return node is JsonObject body
                ? (body, null)
                : (null, Problems.Validation("body", "must be a JSON object"));
        }
        catch (JsonException invalid)
        {
            return (null, Problems.Validation("body", $"is not valid JSON ({invalid.Message})"));
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
    }

    /// <summary>Converts <paramref name="body"/> to <typeparamref name="T"/>; a 400 naming the JSON path of the bad member otherwise.</summary>
    public static (T? Value, ProblemHttpResult? Problem) Bind<T>(JsonNode body, string prefix = "")
        where T : class
    {
        try
        {
            var value = body.Deserialize<T>(Options);
            return value is null ? (null, Problems.Validation(prefix.Length == 0 ? "body" : prefix, "is required")) : (value, null);
        }
        catch (JsonException invalid)
        {
            var path = (invalid.Path ?? "$").TrimStart('$').TrimStart('.');
            var field = prefix.Length == 0 ? (path.Length == 0 ? "body" : path) : (path.Length == 0 ? prefix : prefix + "." + path);
            return (null, Problems.Validation(field, Describe(invalid)));
        }
    }

    private static string Describe(JsonException invalid)
    {
        // The serializer's message names CLR types; keep only what helps an API client.
        var message = invalid.Message;
        if (message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase))
        {
            var start = message.IndexOf("including: ", StringComparison.Ordinal);
            return start >= 0 ? "missing required member(s): " + message[(start + 11)..].TrimEnd('.') : "missing required members";
        }

        if (message.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase))
        {
            return "is not a known member";
        }

        return "has an invalid value";
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body may be at most {maxBytes} bytes.", "body");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // The web defaults read numbers from strings ("10"); a number must be a JSON number.
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
        };
        Configure(options);
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
