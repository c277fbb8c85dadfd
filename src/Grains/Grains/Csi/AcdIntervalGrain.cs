using System.Globalization;
using System.Text;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Ftp;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Integrations;
using ClarityConnect.Grains.Retries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Accumulates one interval's ACD statistics per queue and uploads them to CSI once the interval is over, once (the
/// uploaded flag is stored; a failed upload is retried with backoff, and a reminder carries on after a restart:
/// <see cref="DurableRetry"/>) — and again, corrected, if an event of the
/// interval arrives after the upload. Format: docs/csi-files.md.
/// </summary>
public sealed class AcdIntervalGrain(
    [PersistentState("acd-interval")] IPersistentState<AcdIntervalState> state,
    IFtpUploader ftp,
    IntegrationSecrets secrets,
    CsiFtpTargets targets,
    IOptions<AcdOptions> options,
    TimeProvider time,
    ILogger<AcdIntervalGrain> logger) : Grain, IAcdIntervalGrain, IRemindable
{
    private const string KeyFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string ReminderName = "acd-upload";
    private DurableRetry? _retry;
    private int _failures;

    /// <summary>The key of the interval that contains <paramref name="at"/>.</summary>
    public static string KeyOf(DateTimeOffset at, TimeSpan length)
    {
        var utc = at.UtcDateTime;
        var start = utc.Date.AddTicks((utc - utc.Date).Ticks / length.Ticks * length.Ticks);
        return start.ToString(KeyFormat, CultureInfo.InvariantCulture);
    }

    private DateTimeOffset Start => DateTimeOffset.ParseExact(this.GetPrimaryKeyString(), KeyFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private DateTimeOffset End => Start + options.Value.IntervalLength;

    // No stand-in is needed: the reminder is registered before the interval's first event is stored, so a failed
    // registration fails the recording and its consumer retries it.
    private DurableRetry Retry => _retry ??= new(this, ReminderName, options.Value.RetryPeriod, OnReminderTickAsync, () => !state.State.Uploaded, logger);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && !state.State.Uploaded)
        {
            ScheduleUpload();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyList<AcdObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var fresh = observations.Where(o => state.State.Counted.Add($"{o.SessionId}/{o.Metric}")).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        // An event that reaches an interval already uploaded (its consumer was held up longer than UploadDelay) is not
        // dropped: the interval reopens and its file is uploaded again, corrected, under the same name.
        var reopened = state.State.Uploaded;
        state.State.Uploaded = false;
        if (state.State.Queues.Count == 0 || reopened)
        {
            await Retry.RegisterAsync();
            ScheduleUpload();
        }

        foreach (var observation in fresh)
        {
            Count(observation);
        }

        await state.WriteStateAsync();
    }

    private void Count(AcdObservation observation)
    {
        var counters = state.State.Queues.TryGetValue(observation.Queue, out var existing) ? existing : state.State.Queues[observation.Queue] = new AcdCounters();
        switch (observation.Metric)
        {
            case AcdMetric.Offered:
                counters.Offered++;
                break;
            case AcdMetric.Answered:
                counters.Answered++;
                counters.TotalAnswerWait += observation.Duration;
                counters.LongestWait = Max(counters.LongestWait, observation.Duration);
                counters.AnsweredWithinThreshold += observation.Duration <= options.Value.ServiceLevelThreshold ? 1 : 0;
                break;
            case AcdMetric.Abandoned:
                counters.Abandoned++;
                counters.LongestWait = Max(counters.LongestWait, observation.Duration);
                break;
            case AcdMetric.Handled:
                counters.Handled++;
                counters.TotalHandleTime += observation.Duration;
                break;
        }
    }

    /// <inheritdoc />
    public Task<bool> IsUploadedAsync() => Task.FromResult(state.State.Uploaded);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Retry.ReminderHeld();
        return OnReminderTickAsync();
    }

    // The reminder's tick uploads now unless an attempt is already due (its backoff is running).
    private Task OnReminderTickAsync() => Retry.AttemptScheduled ? Task.CompletedTask : UploadAsync(CancellationToken.None);

    /// <summary>The interval as CSV: a header and one row per queue.</summary>
    public string Csv()
    {
        var text = new StringBuilder("queue,interval_start,interval_end,offered,answered,abandoned,average_speed_of_answer_seconds,average_handle_time_seconds,longest_wait_seconds,service_level_percent\n");
        foreach (var (queue, c) in state.State.Queues.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Crm.Csv.Line(
            [
                queue, Start.ToString("O", CultureInfo.InvariantCulture), End.ToString("O", CultureInfo.InvariantCulture),
                Number(c.Offered), Number(c.Answered), Number(c.Abandoned),
                Seconds(c.Answered == 0 ? TimeSpan.Zero : c.TotalAnswerWait / c.Answered),
                Seconds(c.Handled == 0 ? TimeSpan.Zero : c.TotalHandleTime / c.Handled),
                Seconds(c.LongestWait),
                (c.Answered + c.Abandoned == 0 ? 100.0 : 100.0 * c.AnsweredWithinThreshold / (c.Answered + c.Abandoned)).ToString("0.0", CultureInfo.InvariantCulture),
            ]));
        }

        return text.ToString();
    }

    private void ScheduleUpload() => Retry.Schedule(End + options.Value.UploadDelay - time.GetUtcNow(), UploadAsync);

    private async Task UploadAsync(CancellationToken cancellationToken)
    {
        if (state.State.Uploaded || time.GetUtcNow() < End + options.Value.UploadDelay)
        {
            return;
        }

        var settings = await secrets.GetAsync<CsiSettings>(IntegrationNames.Csi);
        if (settings is { Enabled: true, SendAcdStatistics: true })
        {
            try
            {
                var target = targets.For(settings);
                await using var content = new MemoryStream(Encoding.UTF8.GetBytes(Csv()));
                await ftp.UploadAsync(target, $"clarityconnect/acd/{Start.UtcDateTime:yyyy-MM-dd}", $"acd-{this.GetPrimaryKeyString()}.csv", content, cancellationToken);
            }
            catch (Exception failure) when (failure is FtpException or InvalidOperationException or IOException)
            {
                var wait = RetryBackoff.After(++_failures, options.Value);
                Retry.Schedule(wait, UploadAsync);
                state.State.LastError = failure.Message;
                await state.WriteStateAsync();
                logger.LogWarning("Uploading ACD statistics of {Interval} failed; retrying in {Delay}: {Reason}", this.GetPrimaryKeyString(), wait, failure.Message);
                return;
            }
        }

        _failures = 0;
        state.State.Uploaded = true;
        state.State.LastError = null;
        await state.WriteStateAsync();
        await Retry.UnregisterAsync();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
