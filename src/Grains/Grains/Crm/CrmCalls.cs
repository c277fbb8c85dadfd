using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Crm;

/// <summary>What every CRM adapter does around its connector calls: failures become <see cref="CrmUnavailableException"/>, JSON values become text, uploads get a seekable stream.</summary>
public static class CrmCalls
{
    /// <summary>Runs <paramref name="call"/>; a connector failure becomes a <see cref="CrmUnavailableException"/> with the connector's
    /// message (the CRM's status, code and message), prefixed with <paramref name="crm"/> unless it names the CRM already.</summary>
    public static async Task<T> RunAsync<T>(string crm, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception failure) when (failure is not (InvalidRequestException or CrmUnavailableException or OperationCanceledException))
        {
            throw new CrmUnavailableException(failure.Message.StartsWith(crm, StringComparison.Ordinal) ? failure.Message : $"{crm}: {failure.Message}", failure);
        }
    }

    /// <summary>A JSON value as text (strings as they are, anything else as JSON).</summary>
    public static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    /// <summary>The content itself when it can seek (its length is known and a retry can rewind), else a buffered copy.</summary>
    public static async Task<Stream> SeekableAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            return content;
        }

        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }
}
