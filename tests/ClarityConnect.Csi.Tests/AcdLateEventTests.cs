using ClarityConnect.Grains.Csi;

namespace ClarityConnect.Csi.Tests;

[Collection(CsiFtpCollection.Name)]
public sealed class AcdLateEventTests(CsiFtpClusterFixture fixture)
{
    [VsftpdFact]
    public async Task An_event_arriving_after_its_interval_was_uploaded_is_counted_and_the_file_uploaded_again()
    {
        var queue = "Late-" + Guid.NewGuid().ToString("n")[..6];
        await fixture.ConfigureAsync(fixture.Ftps!, s => s with { SendAcdStatistics = true });
        try
        {
            // An interval long over: its file goes out right after the first event.
            var key = AcdIntervalGrain.KeyOf(DateTimeOffset.UtcNow.AddMinutes(-10), TimeSpan.FromSeconds(2));
            var interval = fixture.Grains.GetGrain<IAcdIntervalGrain>(key);
            await interval.RecordAsync([new AcdObservation { Queue = queue, SessionId = "s1", Metric = AcdMetric.Offered }]);
            await Eventually.TrueAsync(() => Task.FromResult(Offered(key, queue) == 1), "the interval is uploaded with one offered");

            await interval.RecordAsync([new AcdObservation { Queue = queue, SessionId = "s2", Metric = AcdMetric.Offered }]);
            await interval.RecordAsync([new AcdObservation { Queue = queue, SessionId = "s2", Metric = AcdMetric.Offered }]);
            await Eventually.TrueAsync(() => Task.FromResult(Offered(key, queue) == 2), "the interval is uploaded again with both offered, the repeat counted once");
            await Eventually.TrueAsync(interval.IsUploadedAsync, "the interval is marked uploaded again");
        }
        finally
        {
            await fixture.ConfigureAsync(fixture.Ftps!);
        }
    }

    private int Offered(string key, string queue) => Directory.EnumerateFiles(fixture.Ftps!.RootDirectory, $"acd-{key}.csv", SearchOption.AllDirectories)
        .SelectMany(File.ReadAllLines)
        .Where(l => l.StartsWith(queue + ",", StringComparison.Ordinal))
        .Sum(l => int.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
}
