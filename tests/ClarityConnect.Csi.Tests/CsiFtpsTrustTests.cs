using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Csi.Tests;

/// <summary>The FTPS trust settings as an administrator sets them with the other CSI settings, against vsftpd and its private CA.</summary>
[Collection(CsiFtpCollection.Name)]
public sealed class CsiFtpsTrustTests(CsiFtpClusterFixture fixture)
{
    [VsftpdFact]
    public async Task Without_the_trusted_ca_setting_the_ftp_step_fails_naming_that_setting_as_the_administrator_sees_it()
    {
        await fixture.ConfigureAsync(fixture.Ftps!, s => s with { FtpTrustedCaCertificate = null });
        try
        {
            var ftp = await FtpStepAsync();

            Assert.Equal(ConnectionTestOutcome.Failed, ftp.Outcome);
            Assert.Contains("the CSI setting \"FTPS Trusted CA Certificate\" (ftpTrustedCaCertificate)", ftp.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("FtpTarget", ftp.Message, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.ConfigureAsync(fixture.Ftps!);
        }

        Assert.Equal(ConnectionTestOutcome.Passed, (await FtpStepAsync()).Outcome);
    }

    [VsftpdFact]
    public async Task The_tls_host_name_setting_is_the_name_the_server_certificate_must_match()
    {
        // vsftpd's certificate names localhost and 127.0.0.1, reached here by address.
        var byAddress = $"127.0.0.1:{fixture.Ftps!.Port}";
        await fixture.ConfigureAsync(fixture.Ftps, s => s with { FtpHostname = byAddress, FtpTlsHostName = "csi.example.com" });
        try
        {
            var ftp = await FtpStepAsync();
            Assert.Equal(ConnectionTestOutcome.Failed, ftp.Outcome);
            Assert.Contains("'csi.example.com'", ftp.Message, StringComparison.Ordinal);
            Assert.Contains("(ftpTlsHostName)", ftp.Message, StringComparison.Ordinal);

            await fixture.ConfigureAsync(fixture.Ftps, s => s with { FtpHostname = byAddress, FtpTlsHostName = "localhost" });
            Assert.Equal(ConnectionTestOutcome.Passed, (await FtpStepAsync()).Outcome);
        }
        finally
        {
            await fixture.ConfigureAsync(fixture.Ftps);
        }
    }

    private async Task<ConnectionTestStep> FtpStepAsync() =>
        (await fixture.Grains.GetGrain<IConnectionTestGrain>(0).TestAsync(IntegrationNames.Csi)).Steps.Single(s => s.Name == "ftp");
}
