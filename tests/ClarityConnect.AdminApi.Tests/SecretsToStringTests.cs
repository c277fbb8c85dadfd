using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>Records print every property by default; the ones holding secrets print none, whoever logs them.</summary>
public sealed class SecretsToStringTests
{
    private const string Secret = "tostring-secret-value";

    public static TheoryData<object> Holders => new()
    {
        new SalesforceSettings { Enabled = true, ConsumerKey = "key", ConsumerSecret = Secret },
        new DynamicsSettings { Enabled = true, ClientId = "id", ClientKey = Secret },
        new CsiSettings { Enabled = true, DeveloperKey = Secret, FtpUsername = "csi", FtpPassword = Secret + "-ftp" },
        new SalesforceCredentials { LoginUrl = new Uri("https://login.salesforce.com"), ConsumerKey = "key", ConsumerSecret = Secret, RefreshToken = Secret + "-refresh", ApiVersion = "62.0" },
        new DataverseCredentials
        {
            InstanceUrl = new Uri("https://contoso.crm.dynamics.com"), AuthorizationUrl = new Uri("https://login.example/authorize"),
            TokenUrl = new Uri("https://login.example/token"), ClientId = "id", ClientSecret = Secret, RefreshToken = Secret + "-refresh",
        },
    };

    [Theory]
    [MemberData(nameof(Holders))]
    public void ToString_leaves_every_secret_out_and_keeps_the_rest(object holder)
    {
        var text = holder.ToString()!;

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Matches(@"\*\*\*|secrets set: \w", text);
    }
}
