using System.Net;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.TestDoubles;
using ClarityConnect.Testing;

namespace ClarityConnect.AdminApi.Tests;

[Collection(AdminApiCollection.Name)]
public sealed class ListingTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task Sessions_are_listed_with_filters_and_paging()
    {
        var queue = "Listing-" + Guid.NewGuid().ToString("n");
        var completed = "listing-done-" + Guid.NewGuid().ToString("n");
        var chat = "listing-chat-" + Guid.NewGuid().ToString("n");
        var agent = await RunCallAsync(completed, queue);
        var waiting = fixture.Grains.GetGrain<ISessionGrain>(chat);
        await waiting.StartAsync(new SessionStart { Channel = SessionChannel.Chat, CallerIdName = "Ann O'Brien" });
        await waiting.EnqueueAsync(queue);

        var all = await Eventually.ReturnsAsync(
            async () => await (await fixture.Http.GetAsync($"/api/sessions?queue={queue}")).JsonAsync(),
            page => page.GetProperty("total").GetInt64() == 2 && Statuses(page).Contains("Completed") && Statuses(page).Contains("Queued"));
        Assert.Equal([chat, completed], Ids(all)); // latest started first

        var done = await (await fixture.Http.GetAsync($"/api/sessions?queue={queue}&status=completed&channel=VOICE")).JsonAsync();
        var line = Assert.Single(done.GetProperty("items").EnumerateArray());
        Assert.Equal(completed, line.GetProperty("sessionId").GetString());
        Assert.Equal(agent, line.GetProperty("agentId").GetString());
        Assert.Equal("Voice", line.GetProperty("channel").GetString());
        Assert.DoesNotContain("O'Brien", (await (await fixture.Http.GetAsync($"/api/sessions?queue={queue}")).Content.ReadAsStringAsync()));

        var byAgent = await (await fixture.Http.GetAsync($"/api/sessions?agentId={agent}")).JsonAsync();
        Assert.Equal([completed], Ids(byAgent));

        var second = await (await fixture.Http.GetAsync($"/api/sessions?queue={queue}&offset=1&limit=1")).JsonAsync();
        Assert.Equal([completed], Ids(second));
        Assert.Equal(2, second.GetProperty("total").GetInt64());
        Assert.Equal(1, second.GetProperty("limit").GetInt32());

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        var none = await (await fixture.Http.GetAsync($"/api/sessions?queue={queue}&startedFrom={future}")).JsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt64());
        var before = await (await fixture.Http.GetAsync($"/api/sessions?queue={queue}&startedBefore={future}")).JsonAsync();
        Assert.Equal(2, before.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("status=talking", "status")]
    [InlineData("channel=fax", "channel")]
    [InlineData("channel=1", "channel")]
    [InlineData("startedFrom=yesterday", "startedFrom")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task A_bad_session_filter_is_400_naming_it(string query, string field)
    {
        var problem = await (await fixture.Http.GetAsync("/api/sessions?" + query)).ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Exports_are_listed_by_state_and_a_failed_one_retried_shows_pending()
    {
        // No session and no Salesforce settings behind it: every attempt fails and the export is parked.
        var id = "listing-export-" + Guid.NewGuid().ToString("n");
        await fixture.Grains.GetGrain<IExportGrain>($"salesforce/{id}").StartAsync();
        var failed = await Eventually.ReturnsAsync(
            async () => await (await fixture.Http.GetAsync($"/api/exports?state=failed&target=salesforce&sessionId={id}")).JsonAsync(),
            page => page.GetProperty("total").GetInt64() == 1);
        var line = Assert.Single(failed.GetProperty("items").EnumerateArray());
        Assert.Equal("Failed", line.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(line.GetProperty("lastError").GetString()));
        Assert.True(line.GetProperty("attempts").GetInt32() >= 1);

        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Http.PostAsync($"/api/exports/salesforce/{id}/retry", null)).StatusCode);
        var retried = await (await fixture.Http.GetAsync($"/api/exports?sessionId={id}")).JsonAsync();
        Assert.NotEqual("Done", Assert.Single(retried.GetProperty("items").EnumerateArray()).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("state=lost", "state")]
    [InlineData("target=zendesk", "target")]
    [InlineData("limit=abc", null)]
    public async Task A_bad_export_filter_is_400(string query, string? field)
    {
        var response = await fixture.Http.GetAsync("/api/exports?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (field is not null)
        {
            var problem = await response.ProblemAsync(400);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Csi_is_an_export_target()
    {
        var id = "listing-csi-" + Guid.NewGuid().ToString("n");
        var problem = await (await fixture.Http.GetAsync($"/api/exports/csi/{id}")).ProblemAsync(404);
        Assert.Equal("sessionId", problem.GetProperty("field").GetString());
    }

    /// <summary>Runs session <paramref name="id"/> in <paramref name="queue"/> to completion; returns the agent who answered it.</summary>
    private async Task<string> RunCallAsync(string id, string queue)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>(id);
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "+1 415 555 0100", CallerIdName = "Ann O'Brien" });
        var agent = await new SessionDriver(fixture.Grains).AnswerAsync(session, queue);
        await session.EndAsync();
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved" });
        return agent;
    }

    private static List<string?> Ids(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sessionId").GetString()).ToList();

    private static List<string?> Statuses(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ToList();
}
