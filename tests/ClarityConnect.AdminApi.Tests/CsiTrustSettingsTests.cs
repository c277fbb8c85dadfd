using System.Net;
using System.Text.Json.Nodes;
using ClarityConnect.Testing.Settings;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>The FTPS trust settings of CSI through the admin API: stored and read back with the other CSI settings, refused with a reason naming them.</summary>
[Collection(AdminApiCollection.Name)]
public sealed class CsiTrustSettingsTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task A_ca_certificate_and_a_tls_host_name_are_stored_and_read_back_with_the_other_csi_settings()
    {
        var certificate = TestCertificates.Pem("private-csi-ca");
        using var saved = await PatchAsync(new JsonObject { ["ftpTrustedCaCertificate"] = certificate, ["ftpTlsHostName"] = "ftp.csi.example.com" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var settings = (await (await fixture.Http.GetAsync("/api/integrations/csi")).JsonAsync()).GetProperty("settings");
        Assert.Equal(certificate, settings.GetProperty("ftpTrustedCaCertificate").GetString());
        Assert.Equal("ftp.csi.example.com", settings.GetProperty("ftpTlsHostName").GetString());

        using var cleared = await PatchAsync(new JsonObject { ["ftpTrustedCaCertificate"] = null, ["ftpTlsHostName"] = null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
    }

    [Theory]
    [InlineData("key", "never a private key")]
    [InlineData("text", "is not a PEM certificate")]
    [InlineData("public key", "holds a PUBLIC KEY block; only certificates")]
    public async Task A_pem_that_is_not_a_certificate_is_refused_naming_the_setting_and_saying_why(string what, string reason)
    {
        var value = what switch
        {
            "key" => TestCertificates.PrivateKeyPem(),
            "public key" => TestCertificates.PublicKeyPem(),
            _ => "MIIBszCCAVmgAwIBAgIUQ3Vz",
        };

        using var response = await PatchAsync(new JsonObject { ["ftpTrustedCaCertificate"] = value });

        var problem = await response.ProblemAsync(400);
        var message = problem.GetProperty("errors").GetProperty("ftpTrustedCaCertificate")[0].GetString()!;
        Assert.Contains(reason, message, StringComparison.Ordinal);
        var pastedLine = value.Split('\n')[value.Contains('\n') ? 1 : 0];
        Assert.DoesNotContain(pastedLine[..12], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tls_host_name_that_is_an_address_is_refused_naming_the_setting()
    {
        using var response = await PatchAsync(new JsonObject { ["ftpTlsHostName"] = "192.0.2.10" });

        var message = (await response.ProblemAsync(400)).GetProperty("errors").GetProperty("ftpTlsHostName")[0].GetString()!;
        Assert.Contains("must be a DNS name", message, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PatchAsync(JsonObject patch) =>
        fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi", patch.ToJsonString(), "application/merge-patch+json"));
}
