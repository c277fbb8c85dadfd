using System.Net;
using System.Text;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>Every 4xx/5xx of the admin API's host is a ProblemDetails (application/problem+json) that says what was wrong.</summary>
[Collection(AdminApiCollection.Name)]
public sealed class ProblemDetailsTests(AdminApiFixture fixture)
{
    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/integrations/salesforce/objects/Account/fields/extra")]
    [InlineData("/no-such-page")]
    public async Task An_unknown_route_is_a_404_problem(string url)
    {
        var problem = await (await fixture.Http.GetAsync(url)).ProblemAsync(404);

        Assert.Contains("/openapi/admin.json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem_naming_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/sessions");

        var problem = await (await fixture.Http.SendAsync(request)).ProblemAsync(405);

        Assert.Contains("DELETE", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unsupported_content_type_is_a_415_problem()
    {
        using var content = new StringContent("node=1", Encoding.UTF8, "text/plain");

        var response = await fixture.Http.PostAsync("/api/integrations/salesforce/validate-query", content);

        await response.ProblemAsync(415);
    }

    [Fact]
    public async Task A_bearer_token_without_the_role_is_a_403_problem_naming_the_role()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/integrations");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Create(role: null));

        var problem = await (await fixture.Anonymous.SendAsync(request)).ProblemAsync(403);

        Assert.Contains(AdminApiFixture.JwtRole, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_exception_outside_the_endpoints_is_a_500_problem_without_its_text()
    {
        var response = await fixture.Anonymous.GetAsync(FailingRoute.Path);
        var body = await response.Content.ReadAsStringAsync();

        var problem = await response.ProblemAsync(500);
        Assert.DoesNotContain(FailingRoute.SecretText, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.Contains(problem.GetProperty("traceId").GetString()!, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/sessions/%20", "id")]
    [InlineData("GET", "/api/sessions/%20s1", "id")]
    [InlineData("GET", "/api/sessions/s%091", "id")]
    [InlineData("GET", "/api/sessions/%E2%80%AEs1", "id")]
    [InlineData("GET", "/api/sessions/s%E2%80%8B1", "id")]
    [InlineData("GET", "/api/agents/%20", "id")]
    [InlineData("GET", "/api/agents/a%0D%0Ab", "id")]
    [InlineData("GET", "/api/exports/salesforce/%20", "sessionId")]
    [InlineData("POST", "/api/exports/csi/%09/retry", "sessionId")]
    [InlineData("GET", "/api/sessions?agentId=a%00b", "agentId")]
    [InlineData("GET", "/api/exports?sessionId=s%0A1", "sessionId")]
    public async Task A_blank_or_hostile_id_is_a_400_naming_the_parameter(string method, string url, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        var problem = await (await fixture.Http.SendAsync(request)).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_oversized_id_is_a_400_naming_the_parameter()
    {
        var problem = await (await fixture.Http.GetAsync("/api/sessions/" + new string('s', 1000))).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
    }
}
