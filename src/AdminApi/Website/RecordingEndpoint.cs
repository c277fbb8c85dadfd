using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace ClarityConnect.AdminApi.Website;

/// <summary>
/// Plays a session's recording piece in the Session Details page when the recordings root is a local folder: the
/// browser names the session and the piece's number, never a path, and the piece's stored location is resolved by
/// <see cref="RecordingLocations"/>, the rule the exports use, so nothing outside the recordings root is ever served.
/// Range requests are answered, so the audio player can seek.
/// </summary>
internal static class RecordingEndpoint
{
    /// <summary>The route of a recording piece's audio.</summary>
    public const string Route = "/sessions/{id}/recordings/{number:int}";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The site-relative URL of piece <paramref name="number"/> of session <paramref name="sessionId"/>.</summary>
    public static string PathOf(string sessionId, int number) => $"sessions/{Uri.EscapeDataString(sessionId)}/recordings/{number}";

    /// <summary>Maps the endpoint behind the site's policy (a signed-out browser is sent to sign in).</summary>
    public static void MapRecordings(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, PlayAsync).RequireAuthorization(AdminWebsite.BrowserPolicyName).ExcludeFromDescription();

    /// <summary>Where the Session Details page's player gets piece <paramref name="piece"/>: this endpoint for a local root, the file's URL under an http(s) root.</summary>
    public static string SourceOf(string sessionId, RecordingPiece piece, string? root) =>
        RecordingLocations.IsUrl(root) ? RecordingLocations.Url(root!, piece.Location).AbsoluteUri : PathOf(sessionId, piece.Number);

    private static async Task<IResult> PlayAsync(string id, int number, IGrainFactory grains, HttpContext context)
    {
        SecurityHeaders.Apply(context.Response);
        if (EntityIds.Problem(id) is not null)
        {
            return NotFound($"There is no session '{id}'.");
        }

        var session = await grains.GetGrain<ISessionGrain>(id).GetAsync();
        if (session.Recordings.FirstOrDefault(p => p.Number == number) is not { } piece)
        {
            return NotFound($"Session '{id}' has no recording piece {number}.");
        }

        var platform = (PlatformSettings)(await grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform).GetAsync()).Settings;
        try
        {
            if (RecordingLocations.IsUrl(platform.RecordingsRoot))
            {
                // The root is the administrator's own setting, not the request's: no open redirect.
                return Results.Redirect(RecordingLocations.Url(platform.RecordingsRoot!, piece.Location).AbsoluteUri);
            }

            var path = RecordingLocations.LocalPath(platform.RecordingsRoot, piece.Location);
            // Only audio: whatever else may lie in the root (a manifest, a note) is not this endpoint's to serve.
            if (!ContentTypes.TryGetContentType(path, out var contentType) || !contentType.StartsWith("audio/", StringComparison.Ordinal))
            {
                return NotFound($"Recording piece {number} of session '{id}' is not an audio file.");
            }

            return File.Exists(path)
                ? Results.File(path, contentType, enableRangeProcessing: true)
                : NotFound($"The audio of recording piece {number} of session '{id}' is not in the recordings root.");
        }
        catch (UnauthorizedAccessException)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"Recording piece {number} of session '{id}' lies outside the recordings root; it is not served.");
        }
        catch (FileNotFoundException missing)
        {
            return NotFound(missing.Message);
        }
    }

    private static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
