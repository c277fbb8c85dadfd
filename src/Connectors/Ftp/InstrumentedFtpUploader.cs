using System.Diagnostics;
using ClarityConnect.Connectors.Telemetry;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// Wraps an <see cref="IFtpUploader"/> with a span (<c>ftp upload</c>) and the <c>clarityconnect.ftp.uploads</c> and
/// <c>clarityconnect.ftp.upload.duration</c> metrics, tagged with the server's host, FTPS on or off, the outcome
/// (<c>success</c>, <c>already_present</c>, <c>failure</c>) and the failure's code. File and directory names stay out:
/// they carry session ids, which do not belong on metrics.
/// </summary>
public sealed class InstrumentedFtpUploader(IFtpUploader inner) : IFtpUploader
{
    /// <inheritdoc />
    public Task UploadAsync(FtpTarget target, string remoteDirectory, string remoteFileName, Stream content, CancellationToken cancellationToken) =>
        MeasureAsync(
            target,
            async () =>
            {
                await inner.UploadAsync(target, remoteDirectory, remoteFileName, content, cancellationToken).ConfigureAwait(false);
                return FtpUploadOutcome.Uploaded;
            });

    /// <inheritdoc />
    public Task<FtpUploadOutcome> UploadOnceAsync(FtpTarget target, string remoteDirectory, string remoteFileName, Stream content, CancellationToken cancellationToken) =>
        MeasureAsync(target, () => inner.UploadOnceAsync(target, remoteDirectory, remoteFileName, content, cancellationToken));

    /// <inheritdoc />
    public Task TestConnectionAsync(FtpTarget target, CancellationToken cancellationToken) => inner.TestConnectionAsync(target, cancellationToken);

    private static async Task<FtpUploadOutcome> MeasureAsync(FtpTarget target, Func<Task<FtpUploadOutcome>> upload)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tags = new TagList { { TelemetryTags.ServerAddress, target.Host }, { TelemetryTags.FtpTls, target.UseTls } };
        using var activity = ClarityConnectTelemetry.ActivitySource.StartActivity("ftp upload", ActivityKind.Client, default(ActivityContext), tags);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = await upload().ConfigureAwait(false);
            tags.Add(TelemetryTags.Outcome, outcome == FtpUploadOutcome.AlreadyPresent ? "already_present" : "success");
            return outcome;
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
}
