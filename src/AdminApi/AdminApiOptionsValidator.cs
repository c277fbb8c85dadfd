using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Options;

namespace ClarityConnect.AdminApi;

/// <summary>
/// Fails start-up on unusable <see cref="AdminApiOptions"/>, naming the setting: a configured key hash that is not a
/// SHA-256 in hex (it would silently accept no key), a public base URL that is not an absolute http(s) URL, a body
/// limit out of range, and the <see cref="JwtSettings"/> problems. Never echoes a hash or a signing key.
/// </summary>
public sealed class AdminApiOptionsValidator : IValidateOptions<AdminApiOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AdminApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new OptionsFailures(AdminApiOptions.Section);
        for (var i = 0; i < options.ApiKeyHashes.Count; i++)
        {
            var hash = options.ApiKeyHashes[i]?.Trim() ?? string.Empty;
            failures.Check(hash.Length == 64 && hash.All(char.IsAsciiHexDigit), $"{nameof(options.ApiKeyHashes)}:{i}", "must be a SHA-256 hash in hex (64 characters)");
        }

        if (options.PublicBaseUrl is { } baseUrl)
        {
            failures.Check(
                Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.UserInfo),
                nameof(options.PublicBaseUrl), "must be an absolute https (or http) URL without user name or password, e.g. https://admin.example.com");
        }

        failures.Check(options.MaxRequestBodyBytes is >= 1024 and <= 100 * 1024 * 1024, nameof(options.MaxRequestBodyBytes), "must be between 1024 and 104857600 bytes", options.MaxRequestBodyBytes);
        foreach (var problem in options.Jwt.Problems().Concat(options.Oidc.Problems(options.Jwt)))
        {
            failures.Add(problem);
        }

        return failures.Result();
    }
}
