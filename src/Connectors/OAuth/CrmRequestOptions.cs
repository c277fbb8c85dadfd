namespace ClarityConnect.Connectors.OAuth;

/// <summary>What a CRM client tells <see cref="CrmAccessTokenHandler{TCredentials}"/> on a request, and what the handler leaves there.</summary>
public static class CrmRequestOptions
{
    /// <summary>The token to send; the client sets the one it built the request for (its instance URL), the handler replaces it after a renewal.</summary>
    public static readonly HttpRequestOptionsKey<CrmAccessToken> AccessToken = new("ClarityConnect.Crm.AccessToken");

    /// <summary>Set by a client whose <see cref="StreamContent"/> wraps a seekable stream, which can be read again.</summary>
    public static readonly HttpRequestOptionsKey<bool> ResendableContent = new("ClarityConnect.Crm.ResendableContent");

    /// <summary>True when the request can be sent again as it is: no content, contents that hold their bytes (string,
    /// byte-array, form, memory), multipart of such parts, or a content the client marked with <see cref="ResendableContent"/>.</summary>
    public static bool CanResend(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(ResendableContent, out var marked) ? marked : Buffered(request.Content);

        static bool Buffered(HttpContent? content) => content switch
        {
            null or ByteArrayContent or ReadOnlyMemoryContent => true,
            MultipartContent parts => parts.All(Buffered),
            _ => false,
        };
    }
}
