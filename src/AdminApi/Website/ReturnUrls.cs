namespace ClarityConnect.AdminApi.Website;

/// <summary>Where the sign-in page may send a browser back to: a path of this site, never another origin (open redirect).</summary>
internal static class ReturnUrls
{
    /// <summary><paramref name="candidate"/> when it is a local path of this site; <c>/</c> otherwise.</summary>
    public static string LocalOrHome(string? candidate) =>
        candidate is { Length: > 0 } url
        && url[0] == '/'
        // "//host" and "/\host" are protocol-relative URLs to another origin in browsers.
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
            ? url
            : "/";
}
