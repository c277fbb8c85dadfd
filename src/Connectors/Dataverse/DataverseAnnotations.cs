using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Notes (<c>annotation</c>) with attachments: inline base64 up to <see cref="DataverseConnectorOptions.InlineAttachmentLimit"/>,
/// larger ones in blocks (crm-wire-facts B4).</summary>
internal sealed class DataverseAnnotations(DataverseWebApi api)
{
    /// <summary>Creates <paramref name="note"/> (subject, regarding record, text), with the attachment when there is one, and returns its id.</summary>
    /// <remarks>An attachment of at most <see cref="DataverseConnectorOptions.InlineAttachmentLimit"/> bytes goes inline as base64
    /// <c>documentbody</c>; a larger one through <c>InitializeAnnotationBlocksUpload</c>, <c>UploadBlock</c> (blocks of
    /// <see cref="DataverseConnectorOptions.UploadBlockSize"/>, at most 4 MB) and <c>CommitAnnotationBlocksUpload</c>, whose Target
    /// carries the new <c>annotationid</c>, <c>filename</c> and <c>mimetype</c> (crm-wire-facts B4). See <see cref="DataverseClient.CreateAnnotationAsync"/>.</remarks>
    public async Task<Guid> CreateAsync(
        JsonObject note, string? fileName, string? mimeType, Stream? data, long length, CancellationToken cancellationToken)
    {
        if (data is null)
        {
            return await api.CreateAsync("annotations", note.ToJsonString(), timeout: null, cancellationToken).ConfigureAwait(false);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        note["filename"] = fileName;
        note["mimetype"] = mimeType ?? "application/octet-stream";
        note["isdocument"] = true;

        try
        {
            if (length <= api.Settings.InlineAttachmentLimit)
            {
                var bytes = new byte[length];
                await data.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                note["documentbody"] = Convert.ToBase64String(bytes);
                return await api.CreateAsync("annotations", note.ToJsonString(), api.Settings.UploadTimeout, cancellationToken).ConfigureAwait(false);
            }

            return await UploadInBlocksAsync(note, data, length, cancellationToken).ConfigureAwait(false);
        }
        catch (DataverseApiException ex) when (IsTooLarge(ex))
        {
            throw new DataverseApiException(ex.StatusCode, ex.ErrorCode,
                $"The {length}-byte attachment '{fileName}' is larger than the Dataverse environment accepts: raise the environment's maximum file size " +
                $"(Organization.MaxUploadFileSize, System Settings > Email; 5 MB by default, up to 128 MB). Dataverse said: {ex.ErrorMessage}");
        }
    }

    private async Task<Guid> UploadInBlocksAsync(JsonObject note, Stream data, long length, CancellationToken cancellationToken)
    {
        var annotationId = Guid.NewGuid();
        var target = note.DeepClone().AsObject();
        target["annotationid"] = annotationId.ToString("D", CultureInfo.InvariantCulture);
        target["@odata.type"] = "Microsoft.Dynamics.CRM.annotation";

        var initialized = await api.PostActionAsync("InitializeAnnotationBlocksUpload", new JsonObject { ["Target"] = target.DeepClone() }, cancellationToken).ConfigureAwait(false);
        var continuation = (string?)initialized?["FileContinuationToken"]
            ?? throw new DataverseApiException(HttpStatusCode.OK, null, "InitializeAnnotationBlocksUpload returned no FileContinuationToken.");

        var blockIds = new JsonArray();
        var buffer = new byte[(int)Math.Min(api.Settings.UploadBlockSize, length)];
        long sent = 0;
        for (var index = 0; sent < length; index++)
        {
            var size = (int)Math.Min(buffer.Length, length - sent);
            await data.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
            // Block ids must all have the same length before base64 encoding (as in Azure block blobs, which back the store).
            var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D6", CultureInfo.InvariantCulture)));
            await api.PostActionAsync("UploadBlock", new JsonObject
            {
                ["BlockId"] = blockId,
                ["BlockData"] = Convert.ToBase64String(buffer, 0, size),
                ["FileContinuationToken"] = continuation,
            }, cancellationToken).ConfigureAwait(false);
            blockIds.Add(blockId);
            sent += size;
        }

        var committed = await api.PostActionAsync("CommitAnnotationBlocksUpload", new JsonObject
        {
            ["Target"] = target,
            ["BlockList"] = blockIds,
            ["FileContinuationToken"] = continuation,
        }, cancellationToken).ConfigureAwait(false);
        return committed?["AnnotationId"] is JsonValue id && Guid.TryParse((string?)id, out var created) ? created : annotationId;
    }

    private static bool IsTooLarge(DataverseApiException ex) =>
        ex.StatusCode == HttpStatusCode.RequestEntityTooLarge
        || string.Equals(ex.ErrorCode, "0x80044a02", StringComparison.OrdinalIgnoreCase)
        || ex.ErrorMessage.Contains("too large", StringComparison.OrdinalIgnoreCase)
        || ex.ErrorMessage.Contains("MaxUploadFileSize", StringComparison.OrdinalIgnoreCase);

}
