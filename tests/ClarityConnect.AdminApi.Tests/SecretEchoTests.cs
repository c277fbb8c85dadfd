using System.Net;
using System.Text.Json;
using ClarityConnect.TestDoubles;
using ClarityConnect.Testing;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>
/// A remote system's error text that quotes a secret (FTP <c>530 … PASS …</c>, an OAuth <c>error_description</c> with
/// <c>client_secret=…</c>, a CRM error quoting the bearer token) reaches neither an API answer, nor a stored
/// <c>lastError</c>, nor a log line of the silo or the admin API.
/// </summary>
[Collection(SecretEchoCollection.Name)]
public sealed class SecretEchoTests(SecretEchoFixture fixture)
{
    [Fact]
    public async Task An_ftp_server_echoing_the_password_fails_the_connection_test_without_it()
    {
        var logins = fixture.Ftp.RefusedLogins;

        var body = await PostTestAsync(IntegrationNames.Csi);

        Assert.True(fixture.Ftp.RefusedLogins > logins);
        var ftp = Step(body, "ftp");
        Assert.Equal("Failed", ftp.GetProperty("outcome").GetString());
        Assert.Contains("530", ftp.GetProperty("message").GetString());
        Assert.Contains("***", ftp.GetProperty("message").GetString());
        AssertNoSecret(body.ToString());
        AssertNoSecretLogged();
    }

    [Fact]
    public async Task A_csi_export_to_that_server_parks_with_a_last_error_without_the_password()
    {
        var id = "echo-" + Guid.NewGuid().ToString("n");
        var session = fixture.Grains.GetGrain<ISessionGrain>(id);
        var driver = new SessionDriver(fixture.Grains);
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Chat, CallerPhoneNumber = "+1 415 555 0100" });
        await driver.AnswerAsync(session);
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "customer", Text = "Hello" });
        await session.EndAsync();
        await session.CompleteAsync();
        await driver.WaitForExportAsync(IntegrationNames.Csi, id, ExportState.Failed);
        var export = fixture.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Csi}/{id}");

        var response = await fixture.Http.GetAsync($"/api/exports/csi/{id}");
        var details = await fixture.Http.GetAsync($"/api/sessions/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await response.JsonAsync();
        Assert.Contains("530", status.GetProperty("lastError").GetString());
        AssertNoSecret(status.ToString());
        AssertNoSecret(await details.Content.ReadAsStringAsync());
        AssertNoSecret((await export.GetStatusAsync()).LastError ?? string.Empty);
        AssertNoSecretLogged();
    }

    [Fact]
    public async Task A_salesforce_token_endpoint_echoing_the_consumer_secret_leaks_it_nowhere()
    {
        var test = await PostTestAsync(IntegrationNames.Salesforce);
        var objects = await fixture.Http.GetAsync("/api/integrations/salesforce/objects");
        var status = await fixture.Http.GetAsync("/api/integrations/salesforce/status");

        var api = Step(test, "api");
        Assert.Equal("Failed", api.GetProperty("outcome").GetString());
        Assert.Contains("invalid_grant", api.GetProperty("message").GetString());
        Assert.Contains("client_secret=***", api.GetProperty("message").GetString());
        Assert.True((int)objects.StatusCode >= 400);
        AssertNoSecret(test.ToString());
        AssertNoSecret(await objects.Content.ReadAsStringAsync());
        AssertNoSecret(await status.Content.ReadAsStringAsync());
        AssertNoSecretLogged();
    }

    [Fact]
    public async Task An_entra_id_token_endpoint_echoing_the_client_key_leaks_it_nowhere()
    {
        var test = await PostTestAsync(IntegrationNames.Dynamics);
        var objects = await fixture.Http.GetAsync("/api/integrations/dynamics/objects");
        var status = await fixture.Http.GetAsync("/api/integrations/dynamics/status");

        var api = Step(test, "api");
        Assert.Equal("Failed", api.GetProperty("outcome").GetString());
        Assert.Contains("invalid_client", api.GetProperty("message").GetString());
        Assert.Contains("client_secret=***", api.GetProperty("message").GetString());
        AssertNoSecret(test.ToString());
        AssertNoSecret(await objects.Content.ReadAsStringAsync());
        AssertNoSecret(await status.Content.ReadAsStringAsync());
        AssertNoSecretLogged();
    }

    private async Task<JsonElement> PostTestAsync(string integration)
    {
        var response = await fixture.Http.PostAsync($"/api/integrations/{integration}/test", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static JsonElement Step(JsonElement report, string name) =>
        report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in SecretEchoFixture.SecretForms)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private void AssertNoSecretLogged()
    {
        foreach (var line in fixture.Logs.Messages.Concat(SiloLogCapture.Logs.Messages))
        {
            AssertNoSecret(line);
        }
    }
}
