using System.Diagnostics;
using ClarityConnect.Connectors.Telemetry;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// Wraps an <see cref="IFtpUploader"/> with a span (<c>ftp upload</c>) and the <c>clarityconnect.ftp.uploads</c> and
/// <c>clarityconnect.ftp.upload.duration</c> metrics, tagged with the server's host, FTPS on or off, the outcome and the
/// failure's code. File and directory names stay out: they carry session ids, which do not belong on metrics.
/// </summary>
public sealed class InstrumentedFtpUploader(IFtpUploader inner) : IFtpUploader
{
    /// <inheritdoc />
    public async Task UploadAsync(FtpTarget target, string remoteDirectory, string remoteFileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tags = new TagList { { TelemetryTags.ServerAddress, target.Host }, { TelemetryTags.FtpTls, target.UseTls } };
        using var activity = ClarityConnectTelemetry.ActivitySource.StartActivity("ftp upload", ActivityKind.Client, default(ActivityContext), tags);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.UploadAsync(target, remoteDirectory, remoteFileName, content, cancellationToken).ConfigureAwait(false);
            tags.Add(TelemetryTags.Outcome, "success");
        }
        catch (Exception failure)
        {
            var code = TelemetryErrors.TypeOf(failure);
            tags.Add(TelemetryTags.Outcome, "failure");
            tags.Add(TelemetryTags.ErrorType, code);
            activity?.SetStatus(ActivityStatusCode.Error, code);
            throw;
        }
        finally
        {
            ConnectorMetrics.FtpUploads.Add(1, tags);
            ConnectorMetrics.FtpUploadDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <inheritdoc />
    public Task TestConnectionAsync(FtpTarget target, CancellationToken cancellationToken) => inner.TestConnectionAsync(target, cancellationToken);
}
