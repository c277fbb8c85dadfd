using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Csi.Tests;

[Collection(CsiCollection.Name)]
public sealed class CsiHttpConnectionTestTests(CsiClusterFixture fixture)
{
    [Fact]
    public async Task The_http_step_passes_with_the_developer_key_and_names_the_refusal_without_it()
    {
        var report = await fixture.Grains.GetGrain<IConnectionTestGrain>(0).TestAsync(IntegrationNames.Csi);
        Assert.True(report.Succeeded, string.Join("; ", report.Steps.Select(s => $"{s.Name}: {s.Message}")));
        Assert.Equal(
            [("settings", ConnectionTestOutcome.Passed), ("http", ConnectionTestOutcome.Passed), ("ftp", ConnectionTestOutcome.Skipped)],
            report.Steps.Select(s => (s.Name, s.Outcome)));

        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi);
        var saved = await config.GetAsync();
        await config.UpdateAsync((CsiSettings)saved.Settings with { DeveloperKey = "wrong-developer-key" }, saved.Version);
        try
        {
            var refused = await fixture.Grains.GetGrain<IConnectionTestGrain>(0).TestAsync(IntegrationNames.Csi);
            Assert.False(refused.Succeeded);
            var http = refused.Steps.Single(s => s.Name == "http");
            Assert.Equal(ConnectionTestOutcome.Failed, http.Outcome);
            Assert.Contains("401", http.Message);
            Assert.DoesNotContain("wrong-developer-key", http.Message);
        }
        finally
        {
            var current = await config.GetAsync();
            await config.UpdateAsync((CsiSettings)current.Settings with { DeveloperKey = fixture.Csi.DeveloperKey }, current.Version);
        }
    }
}

[Collection(CsiFtpCollection.Name)]
public sealed class CsiFtpConnectionTestTests(CsiFtpClusterFixture fixture)
{
    [VsftpdFact]
    public async Task The_ftp_step_signs_in_over_ftps_and_reports_a_wrong_password()
    {
        await fixture.ConfigureAsync(fixture.Ftps!);
        var report = await fixture.Grains.GetGrain<IConnectionTestGrain>(0).TestAsync(IntegrationNames.Csi);
        Assert.True(report.Succeeded, string.Join("; ", report.Steps.Select(s => $"{s.Name}: {s.Message}")));
        Assert.Equal(ConnectionTestOutcome.Passed, report.Steps.Single(s => s.Name == "ftp").Outcome);

        await fixture.ConfigureAsync(fixture.Ftps!, s => s with { FtpPassword = "not-the-password" });
        try
        {
            var refused = await fixture.Grains.GetGrain<IConnectionTestGrain>(0).TestAsync(IntegrationNames.Csi);
            var ftp = refused.Steps.Single(s => s.Name == "ftp");
            Assert.Equal(ConnectionTestOutcome.Failed, ftp.Outcome);
            Assert.Contains("530", ftp.Message);
            Assert.DoesNotContain("not-the-password", ftp.Message);
        }
        finally
        {
            await fixture.ConfigureAsync(fixture.Ftps!);
        }
    }
}
