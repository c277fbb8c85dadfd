using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClarityConnect.TestDoubles;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// The silo process's own HTTP port (co-hosted admin API): /metrics needs the admin key, errors are ProblemDetails, and
/// the administrative website is served there, its address the last line of the start-up output.
/// </summary>
public sealed class SiloHttpSecurityTests
{
    [Fact]
    public async Task The_silo_serves_metrics_only_with_the_admin_key_and_answers_errors_with_problem_details()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var data = Directory.CreateTempSubdirectory("clarityconnect-silo-http-").FullName;
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = new Dictionary<string, string>
        {
            ["ClarityConnect__Storage__DataDirectory"] = data,
            ["ClarityConnect__Cluster__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ClarityConnect__Cluster__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ClarityConnect__AdminApi__ApiKeyHashes__0"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
            ["Urls"] = url,
        };
        await using var silo = HostProcess.Start("silo-http", HostAssemblies.Silo, [], settings, data);
        try
        {
            await silo.WaitForLineAsync(l => l.Contains("ClarityConnect silo started", StringComparison.Ordinal), MultiProcessCluster.StartTimeout, "the silo to start");
            using var http = new HttpClient { BaseAddress = new Uri(url) };

            var anonymous = await http.GetAsync("/metrics");
            using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var scraped = await http.SendAsync(scrape);
            using var blank = new HttpRequestMessage(HttpMethod.Get, "/api/sessions/%20");
            blank.Headers.Add("X-Api-Key", key);
            var blankId = await http.SendAsync(blank);
            var unknown = await http.GetAsync("/no-such-page");

            await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
            Assert.Contains("# TYPE", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var problem = await AssertProblemAsync(blankId, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
            await AssertProblemAsync(unknown, HttpStatusCode.NotFound);

            await silo.WaitForLineAsync(l => l.Contains($"Administrative website: open {url}/ in a browser", StringComparison.Ordinal), MultiProcessCluster.StartTimeout, "the site's address");
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
            using var home = new HttpRequestMessage(HttpMethod.Get, "/");
            home.Headers.Accept.ParseAdd("text/html");
            var signedOut = await browser.SendAsync(home);
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Equal("/signin?returnUrl=%2F", signedOut.Headers.Location?.PathAndQuery);
            Assert.Contains("Admin API key", await browser.GetStringAsync("/signin"), StringComparison.Ordinal);
        }
        finally
        {
            await silo.KillAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
