using System.Security.Cryptography;
using ClarityConnect.Connectors.Security;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace ClarityConnect.AdminApi;

/// <summary>The accepted admin API keys, stored only as SHA-256 hashes (configuration and/or a key file).</summary>
public sealed class ApiKeyStore(IOptions<AdminApiOptions> options)
{
    private readonly object _gate = new();
    private DateTime _fileStamp = DateTime.MinValue;
    private IReadOnlyList<byte[]> _fileHashes = [];
    private readonly IReadOnlyList<byte[]> _configuredHashes = options.Value.ApiKeyHashes.Select(ParseHash).OfType<byte[]>().ToList();

    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Whether <paramref name="key"/> is one of the accepted keys.</summary>
    public bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var match = false;
        foreach (var accepted in _configuredHashes.Concat(FileHashes()))
        {
            // Compare every hash in constant time; do not stop at the first match.
            match |= CryptographicOperations.FixedTimeEquals(hash, accepted);
        }

        return match;
    }

    /// <summary>The SHA-256 hash of a key, as lower-case hex.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key (256 bits, base64url).</summary>
    public static string GenerateKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// On first start: when <paramref name="keyFile"/> does not exist, generates a key, stores only its hash in the file and
    /// returns the key (to print once); null when the file already exists.
    /// </summary>
    public static string? EnsureKeyFile(string keyFile)
    {
        if (File.Exists(keyFile))
        {
            return null;
        }

        var key = GenerateKey();
        var content = "# SHA-256 hashes of the accepted admin API keys (header X-Api-Key), one per line.\n" + Hash(key) + "\n";
        PrivateFiles.CreateNew(keyFile, Encoding.UTF8.GetBytes(content));
        return key;
    }

    private IEnumerable<byte[]> FileHashes()
    {
        var file = options.Value.ApiKeyFile;
        if (string.IsNullOrWhiteSpace(file))
        {
            return [];
        }

        lock (_gate)
        {
            var stamp = File.Exists(file) ? File.GetLastWriteTimeUtc(file) : DateTime.MinValue;
            if (stamp != _fileStamp)
            {
                _fileHashes = stamp == DateTime.MinValue
                    ? []
                    : File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(ParseHash).OfType<byte[]>().ToList();
                _fileStamp = stamp;
            }

            return _fileHashes;
        }
    }

    private static byte[]? ParseHash(string hex)
    {
        try
        {
            var bytes = Convert.FromHexString(hex.Trim());
            return bytes.Length == 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>Authenticates requests carrying a valid admin API key in <see cref="ApiKeyStore.HeaderName"/>; challenges with a 401 ProblemDetails.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "AdminApiKey";

    /// <summary>The credential of an <c>Authorization: Bearer …</c> header, or null without one.</summary>
    internal static string? BearerCredential(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? value[7..].Trim()
            : null;
    }

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyStore.HeaderName, out var values))
        {
            // The same key as a bearer token: what Prometheus (authorization.credentials_file) and most tools can send.
            values = BearerCredential(Request) is { } bearer ? new Microsoft.Extensions.Primitives.StringValues(bearer) : default;
        }

        if (values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count != 1 || !keys.IsValid(values[0]))
        {
            // Never log or echo the key itself.
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin-api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = $"A valid admin API key is required in the {ApiKeyStore.HeaderName} header or as 'Authorization: Bearer <key>' (or a bearer token, where enabled).",
            },
        });
    }

    /// <inheritdoc />
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = "The admin API key is valid but not allowed to do this.",
            },
        });
    }
}
