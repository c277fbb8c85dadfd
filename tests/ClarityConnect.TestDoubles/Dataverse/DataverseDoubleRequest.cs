namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>One HTTP request the <see cref="DataverseDouble"/> received, as received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The decoded URL path, e.g. <c>/api/data/v9.2/contacts</c>.</param>
/// <param name="Filter">The decoded <c>$filter</c> text, exactly as the client meant it, or null.</param>
/// <param name="FilterAst">The filter as <see cref="Microsoft.OData.UriParser.ODataUriParser"/> understood it, rendered by
/// <see cref="DataverseFilter.Render"/> (e.g. <c>Equal(telephone1, "+1 555")</c>); null without a filter or when it did not parse.</param>
/// <param name="QueryString">The raw query string, including the leading <c>?</c> when present, still URL-encoded.</param>
/// <param name="ContentType">The request's Content-Type, or null.</param>
/// <param name="Body">The body decoded as UTF-8, or null when empty.</param>
/// <param name="Prefer">The Prefer header, or null.</param>
/// <param name="ODataVersion">The OData-Version header, or null.</param>
/// <param name="ODataMaxVersion">The OData-MaxVersion header, or null.</param>
/// <param name="Accept">The Accept header, or null.</param>
/// <param name="BearerToken">The bearer token sent, or null.</param>
public sealed record DataverseDoubleRequest(
    string Method,
    string Path,
    string? Filter,
    string? FilterAst,
    string QueryString,
    string? ContentType,
    string? Body,
    string? Prefer,
    string? ODataVersion,
    string? ODataMaxVersion,
    string? Accept,
    string? BearerToken)
{
    /// <summary>True for calls to the token endpoint.</summary>
    public bool IsTokenRequest => Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal);

    /// <summary>True for Web API calls (under <c>/api/data/</c>).</summary>
    public bool IsWebApi => Path.StartsWith("/api/data/", StringComparison.Ordinal);

    /// <summary>The <c>grant_type</c> of a token request, or null.</summary>
    public string? GrantType => IsTokenRequest && Body is not null
        ? Body.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == "grant_type").Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)).FirstOrDefault()
        : null;
}
