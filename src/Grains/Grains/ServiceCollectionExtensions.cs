using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Connectors.Csi;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Ftp;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Grains.Batching;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Crm.Dataverse;
using ClarityConnect.Grains.Crm.Salesforce;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Listings;
using ClarityConnect.Grains.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains;

/// <summary>Registers what the grains need in a silo.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the node runner, secret protection and the grains' options, each bound from its section of
    /// <paramref name="configuration"/> and validated when the host starts (<c>ValidateOnStart</c>): a bad value stops
    /// start-up with a message naming the setting. The silo host and the test silos both come through here.
    /// </summary>
    public static IServiceCollection AddClarityConnectGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // Transient: they hold typed HttpClients, which the client factory renews.
        services.TryAddTransient<INodeRunner, IntegrationNodeRunner>();
        services.TryAddSingleton<CustomerLookupRunner>();
        services.TryAddSingleton<Integrations.IntegrationSettingsCache>();
        services.AddValidatedOptions<Integrations.IntegrationSettingsCacheOptions, Integrations.IntegrationSettingsCacheOptionsValidator>(configuration, Integrations.IntegrationSettingsCacheOptions.Section);
        services.TryAddSingleton<Integrations.IntegrationSecrets>();
        services.TryAddSingleton<AdvancedLookupRunner>();
        services.TryAddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.AddChangeEventRouting();
        services.AddGroupCommitOptions(configuration, CsiPushHandler.Section);
        services.TryAddSingleton<ListingWriter>();
        services.AddGroupCommitOptions(configuration, ListingWriter.Section);
        services.AddSingleton<ICsiPushWork, CsiEventEnqueuer>();
        services.AddSingleton<ICsiPushWork, AcdStatisticsCounter>();
        services.AddValidatedOptions<AcdOptions, AcdOptionsValidator>(configuration, AcdOptions.Section);
        services.TryAddSingleton<CsiFtpTargets>();
        services.TryAddSingleton<IFtpUploader>(sp => new InstrumentedFtpUploader(ActivatorUtilities.CreateInstance<FtpClientUploader>(sp)));
        services.AddTransient<IExportTarget, CsiExportTarget>();
        services.AddValidatedOptions<CsiFtpOptions, CsiFtpOptionsValidator>(configuration, CsiFtpOptions.Section);
        services.AddValidatedOptions<FtpUploadOptions, FtpUploadOptionsValidator>(configuration, FtpUploadOptions.Section);
        services.AddCsiConnector();
        services.AddOptions<CsiEventClientOptions>().Bind(configuration.GetSection(CsiEventClientOptions.Section));
        services.AddValidatedOptions<CsiEventOptions, CsiEventOptionsValidator>(configuration, CsiEventOptions.Section);
        services.AddSalesforceConnector();
        services.AddOptions<SalesforceConnectorOptions>().Bind(configuration.GetSection(SalesforceConnectorOptions.Section));
        services.AddCrmCredentialsSource(CrmCredentialsMappings.Salesforce);
        services.AddTransient<ICrmAuthorizer, CrmAuthorizer<SalesforceSettings, SalesforceCredentials>>();
        services.AddCrmAdapter<SalesforceCrmAdapter, SalesforceClient>();
        services.AddDataverseConnector();
        services.AddOptions<DataverseConnectorOptions>().Bind(configuration.GetSection(DataverseConnectorOptions.Section));
        services.AddCrmCredentialsSource(CrmCredentialsMappings.Dynamics);
        services.AddTransient<ICrmAuthorizer, CrmAuthorizer<DynamicsSettings, DataverseCredentials>>();
        services.AddCrmAdapter<DataverseCrmAdapter, DataverseClient>();
        services.AddValidatedOptions<ChangeEventOptions, ChangeEventOptionsValidator>(configuration, ChangeEventOptions.Section);
        services.AddValidatedOptions<ExportOptions, ExportOptionsValidator>(configuration, ExportOptions.Section);
        services.AddTransient<ExportTargets>();
        services.AddValidatedOptions<SecretProtectionOptions, SecretProtectionOptionsValidator>(configuration, SecretProtectionOptions.Section);
        return services;
    }

    /// <summary>Registers the CRM's <see cref="CrmCredentialsSource{TSettings, TCredentials}"/> (its <see cref="CrmAuthorizer{TSettings, TCredentials}"/>
    /// takes it as such) as the <see cref="ICrmCredentialsSource{TCredentials}"/> its connector asks for.</summary>
    private static void AddCrmCredentialsSource<TSettings, TCredentials>(this IServiceCollection services, CrmCredentialsMapping<TSettings, TCredentials> mapping)
        where TSettings : IntegrationSettings, ICrmConnectionSettings
        where TCredentials : class, ICrmCredentials<TCredentials>
    {
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<CrmCredentialsSource<TSettings, TCredentials>>(sp, mapping));
        services.TryAddSingleton<ICrmCredentialsSource<TCredentials>>(sp => sp.GetRequiredService<CrmCredentialsSource<TSettings, TCredentials>>());
    }

    /// <summary>Registers <typeparamref name="TAdapter"/> as the <see cref="ICrmAdapter"/> of each <see cref="HttpLane"/>, keyed by
    /// the lane and built on that lane's <typeparamref name="TClient"/>: lookups, the builder and the connection test take
    /// <c>[FromKeyedServices(HttpLane.Live)]</c>, exports <c>[FromKeyedServices(HttpLane.Background)]</c>.</summary>
    private static void AddCrmAdapter<TAdapter, TClient>(this IServiceCollection services)
        where TAdapter : class, ICrmAdapter
        where TClient : class
    {
        var create = ActivatorUtilities.CreateFactory<TAdapter>([typeof(TClient)]);
        foreach (var lane in Enum.GetValues<HttpLane>())
        {
            // Transient: each holds a lane's client, whose HttpClient the client factory renews.
            services.AddKeyedTransient<ICrmAdapter>(lane, (sp, _) => new InstrumentedCrmAdapter(create(sp, [sp.GetRequiredKeyedService<TClient>(lane)]), lane));
        }
    }

    // One per-silo batcher's settings, named after (and bound from) its section; validated by the one validator.
    private static void AddGroupCommitOptions(this IServiceCollection services, IConfiguration configuration, string section)
    {
        services.AddOptions<GroupCommitOptions>(section).Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GroupCommitOptions>, GroupCommitOptionsValidator>());
    }

    private static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
