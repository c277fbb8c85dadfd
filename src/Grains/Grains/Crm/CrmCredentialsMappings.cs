using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Grains.Crm;

/// <summary>Which stored settings become which credential fields, per CRM: side by side, because this is all that differs
/// between the two credentials sources.</summary>
public static class CrmCredentialsMappings
{
    /// <summary>Salesforce: the connected app (Consumer Key and Secret) at the login URL.</summary>
    public static CrmCredentialsMapping<SalesforceSettings, SalesforceCredentials> Salesforce { get; } = new(
        IntegrationNames.Salesforce,
        "Salesforce",
        s => [("Consumer Key", s.ConsumerKey), ("Consumer Secret", s.ConsumerSecret)],
        s => new SalesforceCredentials
        {
            LoginUrl = new Uri(s.LoginUrl),
            ConsumerKey = s.ConsumerKey!,
            ConsumerSecret = s.ConsumerSecret!,
            ApiVersion = s.ApiVersion,
            RequestTimeout = TimeSpan.FromSeconds(s.RequestTimeoutSeconds),
        });

    /// <summary>Microsoft Dynamics: the Entra ID application (ClientId and Client Key), its endpoints and the environment.</summary>
    public static CrmCredentialsMapping<DynamicsSettings, DataverseCredentials> Dynamics { get; } = new(
        IntegrationNames.Dynamics,
        "Microsoft Dynamics",
        d => [("ClientId", d.ClientId), ("Client Key", d.ClientKey), ("Instance URL", d.InstanceUrl), ("Authorization URL", d.AuthorizationUrl), ("Token URL", d.TokenUrl)],
        d => new DataverseCredentials
        {
            InstanceUrl = new Uri(d.InstanceUrl!),
            AuthorizationUrl = new Uri(d.AuthorizationUrl!),
            TokenUrl = new Uri(d.TokenUrl!),
            ClientId = d.ClientId!,
            ClientSecret = d.ClientKey!,
            RequestTimeout = TimeSpan.FromSeconds(d.RequestTimeoutSeconds),
        });
}
