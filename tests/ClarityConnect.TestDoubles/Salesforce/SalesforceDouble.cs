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

namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>
/// A Salesforce org on loopback: a real Kestrel server on 127.0.0.1 (random port) speaking Salesforce's wire format,
/// so the production HTTP stack, OAuth, retries and serialization run in tests.
/// </summary>
/// <remarks>
/// <para>OAuth: <c>/services/oauth2/token</c> (authorization_code with PKCE, refresh_token, client_credentials),
/// <c>/services/oauth2/authorize</c>, <c>/services/oauth2/revoke</c>. REST under <c>/services/data/vXX.X/</c>:
/// <c>query</c> (a SOQL subset, paged by <see cref="PageSize"/>), <c>query/{locator}</c>, <c>search/</c> (a SOSL subset),
/// <c>sobjects/</c>, <c>sobjects/{Obj}/describe</c>, <c>sobjects/{Obj}/{id}</c> and <c>POST sobjects/{Obj}/</c> (JSON, and multipart for ContentVersion).</para>
/// <para>Seed records with <see cref="AddRecord"/>; assert on <see cref="Requests"/> (the exact SOQL/SOSL in <see cref="SalesforceDoubleRequest.Q"/>)
/// and <see cref="Created"/>; inject failures with <see cref="FailNext"/>, <see cref="FailEvery"/>, <see cref="ExpireAccessTokens"/>,
/// <see cref="RevokeRefreshToken"/>, <see cref="Delay"/>, <see cref="Down"/> and <see cref="StopAsync"/>.</para>
/// </remarks>
public sealed partial class SalesforceDouble : IAsyncDisposable
{
    /// <summary>The consumer key the double accepts unless another is given to the constructor.</summary>
    public const string DefaultClientId = "3MVG9double.consumer.key";

    /// <summary>The consumer secret the double accepts unless another is given to the constructor.</summary>
    public const string DefaultClientSecret = "double-consumer-secret";

    private readonly object sync = new();
    private readonly SalesforceDoubleOrg org = new();
    private readonly RequestLog<SalesforceDoubleRequest> requests = new();
    private readonly Queue<SalesforceDoubleFailure> failures = new();
    private readonly StandingFailures<SalesforceDoubleRequest, SalesforceDoubleFailure> standingFailures = new();
    private LoopbackServer? server;

    /// <summary>Creates a stopped double that accepts the given connected-app credentials; call <see cref="StartAsync"/>.</summary>
    public SalesforceDouble(string clientId = DefaultClientId, string clientSecret = DefaultClientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The consumer key the token endpoint accepts.</summary>
    public string ClientId { get; }

    /// <summary>The consumer secret the token endpoint accepts (it also keys the token responses' <c>signature</c>).</summary>
    public string ClientSecret { get; }

    /// <summary>The org id in identity URLs.</summary>
    public string OrgId { get; } = "00DD00000000001EAA";

    /// <summary>The user id in identity URLs.</summary>
    public string UserId { get; } = "005D00000000001AAA";

    /// <summary>The double's root URL, e.g. <c>http://127.0.0.1:54321</c>: both the login URL and the <c>instance_url</c>.</summary>
    /// <exception cref="InvalidOperationException">The double was never started.</exception>
    public Uri BaseUrl => Server.BaseUrl;

    /// <summary>Records per query page (Salesforce: up to 2,000). Lower it to force <c>nextRecordsUrl</c> paging.</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>A delay before every answer, to exercise timeouts and concurrency. Default none.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When true every request (OAuth included) gets 503 <c>SERVER_UNAVAILABLE</c>. For refused connections use <see cref="StopAsync"/>.</summary>
    public bool Down { get; set; }

    /// <summary>
    /// When true, error answers quote what the request carried, as some identity providers and proxies do: the token
    /// endpoint's <c>error_description</c> ends with the request's form body (<c>client_secret=…&amp;refresh_token=…</c>,
    /// form-encoded), REST errors with the request's <c>Authorization</c> header. Default false.
    /// </summary>
    public bool EchoCredentialsInErrors { get; set; }

    /// <summary>Whether the client-credentials grant is enabled for the connected app. Default true.</summary>
    public bool ClientCredentialsEnabled { get; set; } = true;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<SalesforceDoubleRequest> Requests => requests.All;

    /// <summary>The requests to the token endpoint.</summary>
    public IReadOnlyList<SalesforceDoubleRequest> TokenRequests => Requests.Where(r => r.IsTokenRequest).ToList();

    /// <summary>The SOQL text of every <c>/query?q=</c> request, exactly as received.</summary>
    public IReadOnlyList<string> Queries => Requests.Where(r => r.Q is not null && r.Path.EndsWith("/query", StringComparison.Ordinal)).Select(r => r.Q!).ToList();

    /// <summary>The SOSL text of every <c>/search/?q=</c> request, exactly as received.</summary>
    public IReadOnlyList<string> Searches => Requests.Where(r => r.Q is not null && r.Path.Contains("/search", StringComparison.Ordinal)).Select(r => r.Q!).ToList();

    /// <summary>Starts (or restarts, on the same port) the Kestrel server on 127.0.0.1.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Server.StartAsync(cancellationToken);

    /// <summary>Stops the server: connections are refused until <see cref="StartAsync"/> runs again (same port, same data).</summary>
    public Task StopAsync() => Server.StopAsync();

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private LoopbackServer Server => server ??= new LoopbackServer(HandleAsync, "Salesforce");

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => requests.Clear();

    /// <summary>Completes when a request matching <paramref name="predicate"/> arrives (or already has).</summary>
    public Task<SalesforceDoubleRequest> WaitForRequestAsync(Func<SalesforceDoubleRequest, bool> predicate, CancellationToken cancellationToken = default) =>
        requests.WaitForAsync(predicate, cancellationToken);

    /// <summary>Seeds a record and returns its new 18-character id with the object's key prefix (003 Contact, 001 Account, …).
    /// Unknown objects and fields are added to the describe, typed from the values (names with Phone → phone, Email → email,
    /// an id of another record → reference with relationship name <c>XxxId</c> → <c>Xxx</c>, <c>Foo__c</c> → <c>Foo__r</c>).</summary>
    public string AddRecord(string objectType, JsonObject fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(objectType);
        ArgumentNullException.ThrowIfNull(fields);
        lock (sync)
        {
            return org.Add(objectType, fields, created: false);
        }
    }

    /// <summary>Changes fields of a seeded or created record.</summary>
    public void UpdateRecord(string id, JsonObject changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (sync)
        {
            var hit = org.FindById(id) ?? throw new KeyNotFoundException($"No record {id} in the Salesforce double.");
            foreach (var (key, value) in changes)
            {
                hit.Record[hit.Type.Field(key)?.Name ?? key] = SalesforceDoubleOrg.Stored(value);
            }

            hit.Type.Changed(hit.Record);
        }
    }

    /// <summary>A copy of the record with that id, or null.</summary>
    public JsonObject? GetRecord(string id)
    {
        lock (sync)
        {
            return org.FindById(id)?.Record.DeepClone().AsObject();
        }
    }

    /// <summary>Copies of all records of an object type (seeded and created).</summary>
    public IReadOnlyList<JsonObject> Records(string objectType)
    {
        lock (sync)
        {
            return org.Find(objectType)?.Records.Select(r => r.DeepClone().AsObject()).ToList() ?? [];
        }
    }

    /// <summary>Copies of the records created through the API for an object type, in order (e.g. <c>Created("ContentVersion")</c>).</summary>
    public IReadOnlyList<JsonObject> Created(string objectType)
    {
        lock (sync)
        {
            return org.Find(objectType)?.Created.Select(r => r.DeepClone().AsObject()).ToList() ?? [];
        }
    }

    /// <summary>Declares an object type (known to describe, query and create even without records).</summary>
    public void DefineObject(string objectType, string? keyPrefix = null, string? label = null)
    {
        lock (sync)
        {
            org.Define(objectType, keyPrefix, label);
        }
    }

    /// <summary>Declares or replaces a field in an object's describe, e.g. a custom lookup
    /// <c>DefineField("Contact", "Household__c", "reference", ["Household__c"], "Household__r")</c>.</summary>
    public void DefineField(
        string objectType, string name, string type = "string", IReadOnlyList<string>? referenceTo = null, string? relationshipName = null, bool filterable = true)
    {
        lock (sync)
        {
            org.Define(objectType).Define(new SalesforceDoubleField(name, type, referenceTo ?? [], relationshipName, filterable));
        }
    }

    /// <summary>The next <paramref name="count"/> REST calls (not OAuth) fail with this status and error array
    /// (e.g. 503 <c>SERVER_UNAVAILABLE</c>, 403 <c>REQUEST_LIMIT_EXCEEDED</c>, 401 <c>INVALID_SESSION_ID</c>, 400 <c>UNABLE_TO_LOCK_ROW</c>).</summary>
    public void FailNext(int count, int statusCode, string errorCode, string? message = null, TimeSpan? retryAfter = null)
    {
        lock (sync)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Enqueue(new SalesforceDoubleFailure(statusCode, errorCode, message ?? DefaultMessage(errorCode), retryAfter));
            }
        }
    }

    /// <summary>Every REST call (not OAuth) matching <paramref name="matches"/> fails with this status and error array until the
    /// returned handle is disposed, e.g. every upload (<c>POST …/sobjects/ContentVersion/</c>) with 503 <c>SERVER_UNAVAILABLE</c>
    /// while queries and searches are answered.</summary>
    public IDisposable FailEvery(Func<SalesforceDoubleRequest, bool> matches, int statusCode, string errorCode, string? message = null) =>
        standingFailures.Add(matches, new SalesforceDoubleFailure(statusCode, errorCode, message ?? DefaultMessage(errorCode), null));

    private static string DefaultMessage(string errorCode) => errorCode switch
    {
        "REQUEST_LIMIT_EXCEEDED" => "TotalRequests Limit exceeded.",
        "INVALID_SESSION_ID" => "Session expired or invalid",
        "UNABLE_TO_LOCK_ROW" => "unable to obtain exclusive access to this record or 1 records",
        "SERVER_UNAVAILABLE" => "Server is unavailable or overloaded",
        _ => errorCode,
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
                throw new SalesforceDoubleException(503, "SERVER_UNAVAILABLE", DefaultMessage("SERVER_UNAVAILABLE"));
            }

            var path = request.Path;
            if (path.StartsWith("/services/oauth2/", StringComparison.Ordinal))
            {
                await HandleOAuthAsync(context, request).ConfigureAwait(false);
            }
            else if (path.StartsWith("/services/data/", StringComparison.Ordinal))
            {
                await HandleDataAsync(context, request).ConfigureAwait(false);
            }
            else
            {
                throw new SalesforceDoubleException(404, "NOT_FOUND", "The requested resource does not exist");
            }
        }
        catch (SalesforceDoubleException ex)
        {
            await WriteErrorAsync(context, ex.StatusCode, ex.ErrorCode, Echo(context, ex.Message), null).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private async Task<SalesforceDoubleRequest> RecordAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        context.Request.Body = new MemoryStream(bytes);
        var authorization = context.Request.Headers.Authorization.ToString();
        var request = new SalesforceDoubleRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query.TryGetValue("q", out var q) ? q.ToString() : null,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.ContentType,
            bytes.Length == 0 ? null : Encoding.UTF8.GetString(bytes),
            bytes,
            authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null);

        requests.Add(request);
        return request;
    }

    private string Echo(HttpContext context, string message) =>
        EchoCredentialsInErrors && context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization
            ? $"{message} (request: Authorization: {authorization})"
            : message;

    private static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string errorCode, string message, TimeSpan? retryAfter)
    {
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(context, statusCode, new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = errorCode }));
    }
}
