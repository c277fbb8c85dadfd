using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ClarityConnect.AdminApi;

/// <summary>
/// Reads a request body that must be one JSON object, strictly: the named media type in UTF-8 (else 415), within the
/// size limit (else 413), valid UTF-8, well-formed JSON (else 400 with the line and byte), no member twice in an
/// object, also not in another letter case (else 400 naming it), no unpaired surrogate escapes. Never a 500.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, AllowDuplicateProperties = true };

    /// <summary>The body as a JSON object, or the problem to answer with.</summary>
    public static async Task<(JsonObject? Body, ProblemHttpResult? Problem)> ReadObjectAsync(
        HttpRequest request, string mediaType, long maxBytes, CancellationToken cancellation)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.ToString().Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            var sent = string.IsNullOrEmpty(request.ContentType) ? "none was sent" : "another type was sent";
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the body as Content-Type: {mediaType} (UTF-8); {sent}.", HeaderNames.ContentType));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellation);
            if (buffer.Length > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }

        if (InvalidUtf8At(bytes) is { } offset)
        {
            return (null, Problems.Validation("body", $"is not valid UTF-8 (byte {offset + 1}); send the JSON encoded as UTF-8"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException invalid)
        {
            // The reader's own message may quote part of the body (a secret, perhaps): only its position is passed on.
            var where = invalid.LineNumber is { } line ? $" at line {line + 1}, byte {invalid.BytePositionInLine + 1}" : "";
            return (null, Problems.Validation("body", $"is not valid JSON{where}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problems.Validation("body", "must be a JSON object"));
            }

            if (Check(document.RootElement, "") is { } problem)
            {
                return (null, problem);
            }

            return (JsonObject.Create(document.RootElement.Clone()), null);
        }
    }

    private static ProblemHttpResult? Check(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var member in element.EnumerateObject())
                {
                    if (!TryGetString(() => member.Name, out var name))
                    {
                        return Problems.Validation(path.Length == 0 ? "body" : path, "has a member name with an unpaired surrogate escape (\\uD800–\\uDFFF)");
                    }

                    var memberPath = path.Length == 0 ? name : path + "." + name;
                    if (!names.Add(name))
                    {
                        return Problems.Validation(memberPath, "appears more than once in the object (member names are compared ignoring case); send each member once");
                    }

                    if (Check(member.Value, memberPath) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Check(item, $"{path}[{index++}]") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.String:
                return TryGetString(element.GetString, out _)
                    ? null
                    : Problems.Validation(path.Length == 0 ? "body" : path, "has an unpaired surrogate escape (\\uD800–\\uDFFF); it is not text");
            default:
                return null;
        }
    }

    private static bool TryGetString(Func<string?> read, out string value)
    {
        try
        {
            value = read() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    private static long? InvalidUtf8At(byte[] bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var span = bytes.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            if (Rune.DecodeFromUtf8(span[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body may be at most {maxBytes} bytes.", "body");
}
