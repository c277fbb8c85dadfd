using ClarityConnect.Grains.Csi;

namespace ClarityConnect.Csi.Tests;

/// <summary>When a CSI event queue probes and when it retries, with the default settings (backoff 1 s doubling to 1 minute
/// with ±20 % jitter, probes every 5 s).</summary>
public sealed class CsiRetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Short_backoffs_are_waited_out_and_longer_ones_are_probed_until_they_end()
    {
        var schedule = new CsiRetrySchedule(new CsiEventOptions());

        var waits = Enumerable.Range(0, 4).Select(_ => schedule.Failed(Now).TotalSeconds).ToList();
        Assert.InRange(waits[0], 0.8, 1.2);
        Assert.InRange(waits[1], 1.6, 2.4);
        Assert.InRange(waits[2], 3.2, 4.8);
        Assert.Equal(5, waits[3]);
        Assert.True(schedule.ProbeFirst(Now), "an 8-second backoff (6.4 to 9.6 s with jitter) is probed");
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.NextProbe(Now));
        Assert.InRange(schedule.NextProbe(Now.AddSeconds(5)).TotalSeconds, 1.4, 4.6);
        Assert.False(schedule.ProbeFirst(Now.AddSeconds(10)), "once the backoff is over the backlog is tried without a probe");
    }

    [Fact]
    public void A_batch_refused_right_after_a_probe_was_answered_waits_its_backoff_without_probing()
    {
        var schedule = new CsiRetrySchedule(new CsiEventOptions());
        for (var i = 0; i < 5; i++)
        {
            schedule.Failed(Now);
        }

        schedule.ProbeAnswered();
        Assert.False(schedule.ProbeFirst(Now));

        Assert.InRange(schedule.Failed(Now).TotalSeconds, 25.6, 38.4);
        Assert.False(schedule.ProbeFirst(Now), "CSI is up and refuses this batch: probing would resend it every probe period");

        Assert.Equal(TimeSpan.FromSeconds(5), schedule.Failed(Now));
        Assert.True(schedule.ProbeFirst(Now), "a failure not preceded by an answered probe is probed again");
    }

    [Fact]
    public void Success_starts_the_backoff_over()
    {
        var schedule = new CsiRetrySchedule(new CsiEventOptions());
        schedule.Failed(Now);
        schedule.Failed(Now);

        schedule.Succeeded();

        Assert.InRange(schedule.Failed(Now).TotalSeconds, 0.8, 1.2);
        Assert.False(schedule.ProbeFirst(Now));
    }

    [Fact]
    public void Queues_that_failed_together_do_not_retry_in_step()
    {
        var firstWaits = Enumerable.Range(0, 20).Select(_ => new CsiRetrySchedule(new CsiEventOptions()).Failed(Now)).ToHashSet();

        Assert.True(firstWaits.Count > 1, "the backoff has jitter");
    }
}
