using ClarityConnect.Connectors.Security;
using ClarityConnect.Connectors.Csi;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Ftp;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Crm.Dataverse;
using ClarityConnect.Grains.Crm.Salesforce;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Listings;
using ClarityConnect.Grains.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClarityConnect.Grains;

/// <summary>Registers what the grains need in a silo.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds the node runner, secret protection and change-event options. Configure <see cref="SecretProtectionOptions"/> separately.</summary>
    public static IServiceCollection AddClarityConnectGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Transient: they hold typed HttpClients, which the client factory renews.
        services.TryAddTransient<INodeRunner, IntegrationNodeRunner>();
        services.TryAddSingleton<CustomerLookupRunner>();
        services.TryAddSingleton<Integrations.IntegrationSecrets>();
        services.TryAddSingleton<AdvancedLookupRunner>();
        services.TryAddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.AddSingleton<IChangeEventHandler, CrmExportHandler>();
        services.AddSingleton<IChangeEventHandler, CsiChangeHandler>();
        services.AddSingleton<IChangeEventHandler, SessionListingHandler>();
        services.AddSingleton<ICsiChangeWork, CsiEventForwarding>();
        services.AddSingleton<ICsiChangeWork, CsiUploadStarter>();
        services.AddSingleton<ICsiChangeWork, AcdStatisticsCounter>();
        services.AddOptions<AcdOptions>();
        services.TryAddSingleton<CsiFtpTargets>();
        services.TryAddSingleton<IFtpUploader>(sp => new InstrumentedFtpUploader(ActivatorUtilities.CreateInstance<FtpClientUploader>(sp)));
        services.AddTransient<IExportTarget, CsiExportTarget>();
        services.AddOptions<CsiFtpOptions>();
        services.AddCsiConnector();
        services.AddOptions<CsiEventOptions>();
        services.AddSalesforceConnector();
        services.TryAddSingleton<SalesforceCredentialsSource>();
        services.TryAddSingleton<ISalesforceCredentialsSource>(sp => sp.GetRequiredService<SalesforceCredentialsSource>());
        services.AddTransient<SalesforceCrmAdapter>();
        services.AddTransient<ICrmAdapter>(sp => new InstrumentedCrmAdapter(sp.GetRequiredService<SalesforceCrmAdapter>()));
        services.AddTransient<ICrmAuthorizer>(sp => sp.GetRequiredService<SalesforceCrmAdapter>());
        services.AddDataverseConnector();
        services.TryAddSingleton<DataverseCredentialsSource>();
        services.TryAddSingleton<IDataverseCredentialsSource>(sp => sp.GetRequiredService<DataverseCredentialsSource>());
        services.AddTransient<DataverseCrmAdapter>();
        services.AddTransient<ICrmAdapter>(sp => new InstrumentedCrmAdapter(sp.GetRequiredService<DataverseCrmAdapter>()));
        services.AddTransient<ICrmAuthorizer>(sp => sp.GetRequiredService<DataverseCrmAdapter>());
        services.AddOptions<ChangeEventOptions>();
        services.AddOptions<ExportOptions>();
        services.AddTransient<ExportTargets>();
        services.AddOptions<SecretProtectionOptions>();
        return services;
    }
}
