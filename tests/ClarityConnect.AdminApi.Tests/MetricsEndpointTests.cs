using System.Net;
using System.Net.Http.Headers;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>The Prometheus endpoint on the admin port takes the admin authentication; a scraper sends the key as a bearer token.</summary>
[Collection(AdminApiCollection.Name)]
public sealed class MetricsEndpointTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task Without_credentials_metrics_are_a_401_problem()
    {
        var problem = await (await fixture.Anonymous.GetAsync("/metrics")).ProblemAsync(401);

        Assert.DoesNotContain("# TYPE", problem.ToString());
    }

    [Fact]
    public async Task A_wrong_key_as_bearer_token_is_a_401_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key");

        var problem = await (await fixture.Anonymous.SendAsync(request)).ProblemAsync(401);

        Assert.DoesNotContain("wrong-key", problem.ToString());
    }

    [Fact]
    public async Task The_admin_key_in_its_header_or_as_a_bearer_token_gets_the_metrics()
    {
        var withHeader = await fixture.Http.GetAsync("/metrics");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiFixture.ApiKey);
        var withBearer = await fixture.Anonymous.SendAsync(request);

        foreach (var response in new[] { withHeader, withBearer })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_admin_key_as_a_bearer_token_works_for_the_api_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/integrations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiFixture.ApiKey);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.SendAsync(request)).StatusCode);
    }
}
