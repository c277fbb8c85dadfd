using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>
/// A Dataverse environment and its Entra ID tenant on loopback: a real Kestrel server on 127.0.0.1 (random port) speaking the
/// Web API's and Entra ID v2's wire formats, so the production HTTP stack, OAuth, retries and serialization run in tests.
/// </summary>
/// <remarks>
/// <para>Entra ID: <see cref="AuthorizationUrl"/> and <see cref="TokenUrl"/> (<c>/tenant/oauth2/v2.0/…</c>): authorization_code with
/// PKCE, rotating refresh tokens, client_credentials, AADSTS error bodies. Web API under <c>/api/data/v9.2/</c>: entity sets
/// with <c>$select</c>, <c>$filter</c> (parsed by Microsoft.OData.Core's <c>ODataUriParser</c> against an EDM model of the
/// tables), <c>$expand</c>, <c>$top</c>, <c>$count</c>, <c>Prefer: odata.maxpagesize</c> paging with <c>$skiptoken</c>;
/// <c>EntityDefinitions</c> metadata; <c>POST</c> creation with <c>@odata.bind</c>; the annotation block-upload actions.</para>
/// <para>Seed with <see cref="AddRecord"/>; assert on <see cref="Requests"/>, <see cref="Filters"/> and <see cref="LastFilterAst"/>;
/// inject failures with <see cref="FailNext"/>, <see cref="FailEvery"/>, <see cref="ExpireAccessTokens"/>, <see cref="RevokeRefreshTokens"/>,
/// <see cref="Delay"/>, <see cref="Down"/> and <see cref="StopAsync"/>.</para>
/// </remarks>
public sealed partial class DataverseDouble : IAsyncDisposable
{
    /// <summary>The application (client) id the double accepts unless another is given to the constructor.</summary>
    public const string DefaultClientId = "6f0c7c2e-1d2b-4c9a-9a55-0d1e2f3a4b5c";

    /// <summary>The client secret the double accepts unless another is given to the constructor.</summary>
    public const string DefaultClientSecret = "double~client~secret";

    /// <summary>The Web API path prefix.</summary>
    public const string ApiPath = "/api/data/v9.2/";

    private readonly object sync = new();
    private readonly RequestLog<DataverseDoubleRequest> requests = new();
    private readonly Queue<DataverseDoubleFailure> failures = new();
    private readonly StandingFailures<DataverseDoubleRequest, DataverseDoubleFailure> standingFailures = new();
    private LoopbackServer? server;

    /// <summary>Creates a stopped double with the standard tables (contact, account, incident, annotation); call <see cref="StartAsync"/>.</summary>
    public DataverseDouble(string clientId = DefaultClientId, string clientSecret = DefaultClientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        DefineStandardEntities();
    }

    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId { get; }

    /// <summary>The client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; }

    /// <summary>The double's root URL, e.g. <c>http://127.0.0.1:54321</c>: use it as the instance URL.</summary>
    /// <exception cref="InvalidOperationException">The double was never started.</exception>
    public Uri BaseUrl => Server.BaseUrl;

    /// <summary>The Entra ID authorize endpoint: <c>{BaseUrl}/tenant/oauth2/v2.0/authorize</c>.</summary>
    public Uri AuthorizationUrl => new(BaseUrl, "/tenant/oauth2/v2.0/authorize");

    /// <summary>The Entra ID token endpoint: <c>{BaseUrl}/tenant/oauth2/v2.0/token</c>.</summary>
    public Uri TokenUrl => new(BaseUrl, "/tenant/oauth2/v2.0/token");

    /// <summary>The Web API root: <c>{BaseUrl}/api/data/v9.2/</c>.</summary>
    public Uri WebApiUrl => new(BaseUrl, ApiPath);

    /// <summary>Caps every page below what <c>Prefer: odata.maxpagesize</c> asks (Dataverse: 5,000). Lower it to force paging.</summary>
    public int MaxPageSize { get; set; } = 5000;

    /// <summary>The environment's Organization.MaxUploadFileSize in bytes (Dataverse default 5 MB): larger attachments are refused.</summary>
    public long MaxUploadFileSize { get; set; } = 5L * 1024 * 1024;

    /// <summary>A delay before every answer, to exercise timeouts and concurrency. Default none.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>
    /// When true, error answers quote what the request carried, as some identity providers and proxies do: the token
    /// endpoint's <c>error_description</c> ends with the request's form body (<c>client_secret=…</c>, form-encoded),
    /// Web API errors with the request's <c>Authorization</c> header. Default false.
    /// </summary>
    public bool EchoCredentialsInErrors { get; set; }

    /// <summary>When true every request (OAuth included) gets 503. For refused connections use <see cref="StopAsync"/>.</summary>
    public bool Down { get; set; }

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<DataverseDoubleRequest> Requests => requests.All;

    /// <summary>The requests to the token endpoint.</summary>
    public IReadOnlyList<DataverseDoubleRequest> TokenRequests => Requests.Where(r => r.IsTokenRequest).ToList();

    /// <summary>The Web API requests (everything under <c>/api/data/</c>).</summary>
    public IReadOnlyList<DataverseDoubleRequest> WebApiRequests => Requests.Where(r => r.IsWebApi).ToList();

    /// <summary>The decoded <c>$filter</c> text of every Web API request that had one, in order.</summary>
    public IReadOnlyList<string> Filters => Requests.Where(r => r.Filter is not null).Select(r => r.Filter!).ToList();

    /// <summary>The last filter's parsed tree as <see cref="DataverseFilter.Ast"/> renders it; null when none parsed.</summary>
    public string? LastFilterAst => Requests.LastOrDefault(r => r.Filter is not null)?.FilterAst;

    /// <summary>Starts (or restarts, on the same port) the Kestrel server on 127.0.0.1.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Server.StartAsync(cancellationToken);

    /// <summary>Stops the server: connections are refused until <see cref="StartAsync"/> runs again (same port, same data).</summary>
    public Task StopAsync() => Server.StopAsync();

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private LoopbackServer Server => server ??= new LoopbackServer(HandleAsync, "Dataverse");

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => requests.Clear();

    /// <summary>Completes when a request matching <paramref name="predicate"/> arrives (or already has).</summary>
    public Task<DataverseDoubleRequest> WaitForRequestAsync(Func<DataverseDoubleRequest, bool> predicate, CancellationToken cancellationToken = default) =>
        requests.WaitForAsync(predicate, cancellationToken);

    /// <summary>The next <paramref name="count"/> Web API calls (not OAuth) fail with this status and Dataverse error body, e.g.
    /// 429 <c>0x80072322</c> with Retry-After, 503, or 401.</summary>
    public void FailNext(int count, int statusCode, string code = "", string? message = null, int? retryAfterSeconds = null)
    {
        lock (sync)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Enqueue(new DataverseDoubleFailure(statusCode, code, message ?? DefaultMessage(statusCode), retryAfterSeconds));
            }
        }
    }

    /// <summary>Every Web API call (not OAuth) matching <paramref name="matches"/> fails with this status and Dataverse error body
    /// until the returned handle is disposed, e.g. every note upload (<c>POST …/annotations</c>) with 503 while queries are answered.</summary>
    public IDisposable FailEvery(Func<DataverseDoubleRequest, bool> matches, int statusCode, string code = "", string? message = null) =>
        standingFailures.Add(matches, new DataverseDoubleFailure(statusCode, code, message ?? DefaultMessage(statusCode), null));

    private static string DefaultMessage(int statusCode) => statusCode switch
    {
        429 => "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
        503 => "Service Unavailable",
        401 => "ExpiredAuthTicket",
        _ => $"HTTP {statusCode}",
    };

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context).ConfigureAwait(false);
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, context.RequestAborted).ConfigureAwait(false);
            }

            if (Down)
            {
                throw new DataverseDoubleException(503, string.Empty, DefaultMessage(503));
            }

            if (request.Path.StartsWith("/tenant/oauth2/v2.0/", StringComparison.Ordinal))
            {
                await HandleOAuthAsync(context, request).ConfigureAwait(false);
            }
            else if (request.IsWebApi)
            {
                await HandleWebApiAsync(context, request).ConfigureAwait(false);
            }
            else
            {
                throw new DataverseDoubleException(404, string.Empty, $"Resource not found for the segment '{request.Path}'.");
            }
        }
        catch (DataverseDoubleException ex)
        {
            await WriteErrorAsync(context, ex.StatusCode, ex.Code, ex.Message, null).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private async Task HandleWebApiAsync(HttpContext context, DataverseDoubleRequest request)
    {
        DataverseDoubleFailure? failure = null;
        lock (sync)
        {
            failures.TryDequeue(out failure);
        }

        failure ??= standingFailures.For(request);

        if (failure is not null)
        {
            await WriteErrorAsync(context, failure.StatusCode, failure.Code, failure.Message, failure.RetryAfterSeconds).ConfigureAwait(false);
            return;
        }

        if (!IsValidAccessToken(request.BearerToken))
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer error=invalid_token, error_description=\"Error during token validation!\", authorization_uri={AuthorizationUrl}";
            await WriteErrorAsync(context, 401, string.Empty, "The access token is missing, invalid or expired.", null).ConfigureAwait(false);
            return;
        }

        if (request.ODataVersion is not (null or "4.0") || request.ODataMaxVersion is not (null or "4.0"))
        {
            throw new DataverseDoubleException(400, "0x80060888", "The OData-Version header must be 4.0.");
        }

        var resource = request.Path[ApiPath.Length..];
        if (resource.StartsWith("EntityDefinitions", StringComparison.Ordinal))
        {
            await HandleMetadataAsync(context, resource).ConfigureAwait(false);
            return;
        }

        switch (request.Method)
        {
            case "GET":
                await QueryAsync(context, request, resource).ConfigureAwait(false);
                return;
            case "POST" when resource is "InitializeAnnotationBlocksUpload" or "UploadBlock" or "CommitAnnotationBlocksUpload":
                await BlockUploadAsync(context, request, resource).ConfigureAwait(false);
                return;
            case "POST":
                await CreateAsync(context, request, resource).ConfigureAwait(false);
                return;
            default:
                throw new DataverseDoubleException(405, "0x80060888", $"The HTTP method '{request.Method}' is not allowed for '{resource}'.");
        }
    }

    private async Task<DataverseDoubleRequest> RecordAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        var path = context.Request.Path.Value ?? string.Empty;
        string? filter = context.Request.Query.TryGetValue("$filter", out var f) ? f.ToString() : null;
        string? ast = null;
        if (filter is not null && path.StartsWith(ApiPath, StringComparison.Ordinal))
        {
            try
            {
                ast = ParseFilter(path[ApiPath.Length..], context.Request.QueryString.Value ?? string.Empty)?.Ast;
            }
            catch (DataverseDoubleException)
            {
                // Recorded without a tree; the query handler answers 400 with the parser's message.
            }
        }

        string? Header(string name) => context.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;
        var authorization = context.Request.Headers.Authorization.ToString();
        var request = new DataverseDoubleRequest(
            context.Request.Method,
            path,
            filter,
            ast,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.ContentType,
            bytes.Length == 0 ? null : Encoding.UTF8.GetString(bytes),
            Header("Prefer"),
            Header("OData-Version"),
            Header("OData-MaxVersion"),
            Header("Accept"),
            authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null);

        requests.Add(request);
        return request;
    }

    private static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; odata.metadata=minimal";
        context.Response.Headers["OData-Version"] = "4.0";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private Task WriteErrorAsync(HttpContext context, int statusCode, string code, string message, int? retryAfterSeconds)
    {
        if (EchoCredentialsInErrors && context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            message = $"{message} (request: Authorization: {authorization})";
        }

        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(context, statusCode, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }
}
