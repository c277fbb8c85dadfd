using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class ListingCollection : ICollectionFixture<ListingClusterFixture>
{
    public const string Name = "listing cluster";
}

/// <summary>The admin listing is written in batches off the transitions, and a failed batch is not lost.</summary>
[Collection(ListingCollection.Name)]
public sealed class ListingBatchTests(ListingClusterFixture fixture)
{
    [Fact]
    public async Task Lines_of_sessions_changing_meanwhile_are_written_together_and_the_listing_shows_each_latest_status()
    {
        ObservedListingStore.Writes.Close();
        try
        {
            // One session's line holds the store; the lines of the others pile up behind it.
            var first = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.New);
            await Eventually.TrueAsync(() => Task.FromResult(ObservedListingStore.Writes.Holding), "a listing write waits at the store");
            var others = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Queued)));
            await Eventually.TrueAsync(() => Task.FromResult(fixture.Writer.Waiting >= 2), "lines of other sessions wait for the next write");
            var before = ObservedListingStore.SessionWriteSizes.Count;
            ObservedListingStore.Writes.Open();

            await WaitUntilListedAsync(first.Session.GetPrimaryKeyString(), SessionStatus.New);
            foreach (var (session, _) in others)
            {
                await WaitUntilListedAsync(session.GetPrimaryKeyString(), SessionStatus.Queued);
            }

            Assert.Contains(ObservedListingStore.SessionWriteSizes.Skip(before), lines => lines >= 2);
        }
        finally
        {
            ObservedListingStore.Writes.Open();
        }
    }

    [Fact]
    public async Task A_failed_listing_write_fails_its_events_which_are_redelivered_until_the_line_is_stored()
    {
        ObservedListingStore.FailNext(2);

        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Completed);

        await WaitUntilListedAsync(session.GetPrimaryKeyString(), SessionStatus.Completed);
        Assert.Equal(0, ObservedListingStore.FailuresLeft);
    }

    private Task WaitUntilListedAsync(string sessionId, SessionStatus status) =>
        Eventually.TrueAsync(async () =>
        {
            var page = await fixture.Grains.GetGrain<IListingGrain>(0).ListSessionsAsync(new SessionQuery { Limit = PageRequest.MaxLimit });
            return page.Items.Any(line => line.SessionId == sessionId && line.Status == status);
        }, $"session {sessionId} is listed as {status}");
}
