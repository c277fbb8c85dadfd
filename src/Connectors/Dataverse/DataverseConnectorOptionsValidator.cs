using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Fails start-up on unusable <see cref="DataverseConnectorOptions"/>, naming the setting.</summary>
public sealed class DataverseConnectorOptionsValidator : HttpConnectorOptionsValidator<DataverseConnectorOptions>
{
    /// <inheritdoc />
    protected override string Section => DataverseConnectorOptions.Section;

    /// <inheritdoc />
    protected override void ValidateConnector(DataverseConnectorOptions options, OptionsFailures failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        failures.Check(!string.IsNullOrWhiteSpace(options.ApiPath) && options.ApiPath.EndsWith('/') && !options.ApiPath.StartsWith('/'), nameof(options.ApiPath), "must be a relative path ending with '/', e.g. api/data/v9.2/");
        failures.Between(options.TokenRefreshMargin, TimeSpan.Zero, TimeSpan.FromMinutes(30));
        failures.NotNegative(options.InlineAttachmentLimit);
        failures.Check(options.UploadBlockSize is >= 1 and <= 4 * 1024 * 1024, nameof(options.UploadBlockSize), "must be between 1 byte and 4 MB", options.UploadBlockSize);
        failures.NotNegative(options.MetadataCacheDuration);
    }
}
