using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Fails start-up on unusable <see cref="DataverseConnectorOptions"/>, naming the setting.</summary>
public sealed class DataverseConnectorOptionsValidator : IValidateOptions<DataverseConnectorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DataverseConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(!string.IsNullOrWhiteSpace(options.ApiPath) && options.ApiPath.EndsWith('/') && !options.ApiPath.StartsWith('/'), nameof(options.ApiPath), "must be a relative path ending with '/', e.g. api/data/v9.2/");
        Check(options.TokenRefreshMargin >= TimeSpan.Zero && options.TokenRefreshMargin <= TimeSpan.FromMinutes(30), nameof(options.TokenRefreshMargin), "must be between 0 and 30 minutes");
        Check(options.InlineAttachmentLimit >= 0, nameof(options.InlineAttachmentLimit), "must not be negative");
        Check(options.UploadBlockSize is >= 1 and <= 4 * 1024 * 1024, nameof(options.UploadBlockSize), "must be between 1 byte and 4 MB");
        Check(options.MetadataCacheDuration >= TimeSpan.Zero, nameof(options.MetadataCacheDuration), "must not be negative");
        Check(options.MaxRetryAttempts is >= 1 and <= 20, nameof(options.MaxRetryAttempts), "must be between 1 and 20");
        Check(options.RetryBaseDelay >= TimeSpan.Zero && options.RetryBaseDelay <= TimeSpan.FromMinutes(5), nameof(options.RetryBaseDelay), "must be between 0 and 5 minutes");
        Check(options.MaxRetryDelay >= options.RetryBaseDelay, nameof(options.MaxRetryDelay), "must not be below RetryBaseDelay");
        Check(options.MaxRetryAfter >= TimeSpan.Zero, nameof(options.MaxRetryAfter), "must not be negative");
        Check(options.DefaultRequestTimeout >= TimeSpan.FromMilliseconds(10), nameof(options.DefaultRequestTimeout), "must be at least 10 ms");
        Check(options.UploadTimeout >= TimeSpan.FromMilliseconds(10), nameof(options.UploadTimeout), "must be at least 10 ms");
        Check(options.MaxConcurrentRequests >= 1, nameof(options.MaxConcurrentRequests), "must be at least 1");
        Check(options.QueueLimit >= 0, nameof(options.QueueLimit), "must not be negative");
        Check(options.CircuitBreakerFailureRatio is > 0 and <= 1, nameof(options.CircuitBreakerFailureRatio), "must be in (0, 1]");
        Check(options.CircuitBreakerMinimumThroughput >= 2, nameof(options.CircuitBreakerMinimumThroughput), "must be at least 2");
        Check(options.CircuitBreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(options.CircuitBreakerSamplingDuration), "must be at least 500 ms");
        Check(options.CircuitBreakerBreakDuration >= TimeSpan.FromMilliseconds(500), nameof(options.CircuitBreakerBreakDuration), "must be at least 500 ms");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(bool ok, string setting, string rule)
        {
            if (!ok)
            {
                failures.Add($"Dataverse:{setting} {rule}.");
            }
        }
    }
}
