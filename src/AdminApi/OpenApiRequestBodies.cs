using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClarityConnect.AdminApi;

/// <summary>
/// Documents a JSON object request body in the OpenAPI document without the routing's own Content-Type matching
/// (<c>Accepts</c>), which would answer a wrong type with an empty 415 instead of the handler's ProblemDetails.
/// </summary>
internal static class OpenApiRequestBodies
{
    /// <summary>The transformer that sets the operation's required body of <paramref name="mediaType"/>.</summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> JsonObject(string mediaType, string description) =>
        (operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
            };
            return Task.CompletedTask;
        };
}
