using System.Text;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IntegrationConfigTests(CoreClusterFixture fixture)
{
    public static TheoryData<IntegrationSettings, string> InvalidSettings() => new()
    {
        { new SalesforceSettings { Enabled = true, ConsumerSecret = "x" }, "ConsumerKey" },
        { new SalesforceSettings { Enabled = true, ConsumerKey = "k", ConsumerSecret = "" }, "ConsumerSecret" },
        { new SalesforceSettings { LoginUrl = "login.salesforce.com" }, "LoginUrl" },
        { new SalesforceSettings { LoginUrl = "http://login.salesforce.com" }, "LoginUrl" },
        { new SalesforceSettings { ApiVersion = "v62" }, "ApiVersion" },
        { new SalesforceSettings { RequestTimeoutSeconds = 0 }, "RequestTimeoutSeconds" },
        { new SalesforceSettings { MaxConcurrentRequests = 1000 }, "MaxConcurrentRequests" },
        { new SalesforceSettings { ConsumerKey = "line\nbreak" }, "ConsumerKey" },
        { new DynamicsSettings { Enabled = true, ClientKey = "x", InstanceUrl = "https://a.crm.dynamics.com", AuthorizationUrl = "https://login.microsoftonline.com/t/oauth2/v2.0/authorize", TokenUrl = "https://login.microsoftonline.com/t/oauth2/v2.0/token" }, "ClientId" },
        { new DynamicsSettings { ClientId = "not-a-guid" }, "ClientId" },
        { new DynamicsSettings { Enabled = true, ClientId = Guid.NewGuid().ToString(), ClientKey = "", InstanceUrl = "https://a.crm.dynamics.com", AuthorizationUrl = "https://login.microsoftonline.com/t/oauth2/v2.0/authorize", TokenUrl = "https://login.microsoftonline.com/t/oauth2/v2.0/token" }, "ClientKey" },
        { new DynamicsSettings { Enabled = true, ClientId = Guid.NewGuid().ToString(), ClientKey = "x", AuthorizationUrl = "https://login.microsoftonline.com/t/oauth2/v2.0/authorize", TokenUrl = "https://login.microsoftonline.com/t/oauth2/v2.0/token" }, "InstanceUrl" },
        { new DynamicsSettings { AuthorizationUrl = "ftp://x" }, "AuthorizationUrl" },
        { new DynamicsSettings { TokenUrl = "not a url" }, "TokenUrl" },
        { new DynamicsSettings { RequestTimeoutSeconds = 500 }, "RequestTimeoutSeconds" },
        { new DynamicsSettings { MaxConcurrentRequests = 0 }, "MaxConcurrentRequests" },
        { new CsiSettings { Enabled = true, SendChangeEvents = true, DeveloperKey = "k" }, "InstanceAddress" },
        { new CsiSettings { Enabled = true, SendChangeEvents = true, InstanceAddress = "csi.example.com", DeveloperKey = "" }, "DeveloperKey" },
        { new CsiSettings { InstanceAddress = "bad host name!" }, "InstanceAddress" },
        { new CsiSettings { Enabled = true, SendSessionRecordings = true, FtpUsername = "u", FtpPassword = "p" }, "FtpHostname" },
        { new CsiSettings { Enabled = true, SendAcdStatistics = true, FtpHostname = "ftp.example.com", FtpPassword = "p" }, "FtpUsername" },
        { new CsiSettings { Enabled = true, SendSessionTranscript = true, FtpHostname = "ftp.example.com", FtpUsername = "u", FtpPassword = "" }, "FtpPassword" },
        { new CsiSettings { FtpHostname = "ftp.example.com:99999" }, "FtpHostname" },
        { new CsiSettings { DisabledQueues = ["Sales", " "] }, "DisabledQueues" },
        { new CsiSettings { DisabledQueues = ["Sales", "sales"] }, "DisabledQueues" },
        { new PlatformSettings { AdminWebsiteBaseUrl = "admin.example.com" }, "AdminWebsiteBaseUrl" },
        { new PlatformSettings { RecordingsRoot = "relative/folder" }, "RecordingsRoot" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task An_invalid_setting_is_refused_with_its_name_and_nothing_is_stored(IntegrationSettings settings, string field)
    {
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(settings.Integration);
        var before = await config.GetAsync();

        var error = await Assert.ThrowsAsync<SettingsValidationException>(() => config.UpdateAsync(settings, before.Version));

        Assert.Contains(error.Errors, e => e.Field == field);
        Assert.Contains(field, error.Message);
        var after = await config.GetAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.SecretsSet, after.SecretsSet);
    }

    [Fact]
    public async Task Every_integration_stores_every_setting_of_the_manual_and_returns_it_without_secrets()
    {
        var csi = new CsiSettings
        {
            Enabled = true,
            InstanceAddress = "127.0.0.1:9443",
            DeveloperKey = "dev-key-123",
            FtpHostname = "ftp.csi.example.com",
            FtpUsername = "clarity",
            FtpPassword = "ftp-pass-456",
            UseSslForFtp = true,
            SendAcdStatistics = true,
            SendSessionRecordings = true,
            SendSessionTranscript = true,
            SendChangeEvents = true,
            DisabledQueues = ["Internal", "Test"],
        };
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi);
        var before = await config.GetAsync();

        var saved = await config.UpdateAsync(csi, before.Version);

        Assert.Equal(before.Version + 1, saved.Version);
        var read = Assert.IsType<CsiSettings>((await config.GetAsync()).Settings);
        Assert.Null(read.DeveloperKey);
        Assert.Null(read.FtpPassword);
        Assert.Equal(["Internal", "Test"], read.DisabledQueues);
        Assert.Equal(csi with { DeveloperKey = null, FtpPassword = null, DisabledQueues = read.DisabledQueues }, read);
        Assert.Equal([CsiSettings.DeveloperKeyName, CsiSettings.FtpPasswordName], saved.SecretsSet.Order());
        await config.UpdateAsync(csi with { Enabled = false, DeveloperKey = null, FtpPassword = null }, saved.Version);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_changes_nothing()
    {
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform);
        var start = await config.GetAsync();
        await config.UpdateAsync(new PlatformSettings { AdminWebsiteBaseUrl = "https://admin.example.com" }, start.Version);

        var error = await Assert.ThrowsAsync<StaleVersionException>(() =>
            config.UpdateAsync(new PlatformSettings { AdminWebsiteBaseUrl = "https://other.example.com" }, start.Version));

        Assert.Equal((start.Version, start.Version + 1), (error.ExpectedVersion, error.ActualVersion));
        Assert.Equal("https://admin.example.com", ((PlatformSettings)(await config.GetAsync()).Settings).AdminWebsiteBaseUrl);
    }

    [Fact]
    public async Task An_omitted_secret_is_kept_and_an_empty_one_is_cleared()
    {
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Dynamics);
        var settings = new DynamicsSettings
        {
            ClientId = Guid.NewGuid().ToString(),
            ClientKey = "client-key-1",
            InstanceUrl = "https://contoso.crm.dynamics.com",
            AuthorizationUrl = "https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize",
            TokenUrl = "https://login.microsoftonline.com/contoso/oauth2/v2.0/token",
            PushCallRecordings = true,
        };
        var v1 = await config.UpdateAsync(settings, (await config.GetAsync()).Version);

        var v2 = await config.UpdateAsync(settings with { ClientKey = null, PushSessionNotes = true }, v1.Version);
        Assert.Contains(DynamicsSettings.ClientKeyName, v2.SecretsSet);

        var v3 = await config.UpdateAsync(settings with { ClientKey = "" }, v2.Version);
        Assert.DoesNotContain(DynamicsSettings.ClientKeyName, v3.SecretsSet);

        var error = await Assert.ThrowsAsync<SettingsValidationException>(() => config.UpdateAsync(settings with { ClientKey = null, Enabled = true }, v3.Version));
        Assert.Contains(error.Errors, e => e.Field == DynamicsSettings.ClientKeyName);
    }

    [Fact]
    public async Task Secrets_are_encrypted_at_rest()
    {
        const string secret = "plain-text-secret-that-must-not-be-stored-9f8e7d";
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        var current = await config.GetAsync();
        var settings = current.Settings as SalesforceSettings ?? new SalesforceSettings();
        await config.UpdateAsync(settings with { ConsumerKey = "key", ConsumerSecret = secret }, current.Version);

        var needle = Encoding.UTF8.GetBytes(secret);
        var files = Directory.GetFiles(fixture.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(needle) < 0, $"{file} holds the secret in clear text");
        }
    }

    [Fact]
    public async Task Settings_of_the_wrong_integration_or_an_unknown_key_are_refused()
    {
        var salesforce = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        var error = await Assert.ThrowsAsync<SettingsValidationException>(async () =>
            await salesforce.UpdateAsync(new CsiSettings(), (await salesforce.GetAsync()).Version));
        Assert.Contains("SalesforceSettings", error.Message);

        var unknown = fixture.Grains.GetGrain<IIntegrationConfigGrain>("zendesk");
        Assert.Contains("zendesk", (await Assert.ThrowsAsync<InvalidRequestException>(() => unknown.GetAsync())).Message);
    }
}
