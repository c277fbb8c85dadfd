using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace ClarityConnect.Silo.Storage;

/// <summary>Wires the PostgreSQL storage profile (Orleans' ADO.NET providers over Npgsql) into a silo.</summary>
public static class PostgreSqlSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql, as Orleans' ADO.NET providers know it.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>
    /// Uses PostgreSQL for cluster membership, for the default grain storage (<c>Default</c>) and for reminders.
    /// The database must already hold the schema: run <see cref="PostgresSchemaMigrator"/> first (a migration step,
    /// not part of silo start).
    /// </summary>
    /// <remarks>
    /// Grain state is serialized by the silo's <see cref="IGrainStorageSerializer"/>, and grain storage is wrapped in
    /// <see cref="GrainTypeQualifiedGrainStorage"/> so grains of different types never share a row.
    /// </remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">Npgsql connection string of the ClarityConnect database.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UsePostgreSqlStorage(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });

        AddGrainStorage(builder.Services, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, connectionString);

        builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });

        return builder;
    }

    // The same registrations as Orleans' AddAdoNetGrainStorage, except that the provider is wrapped.
    private static void AddGrainStorage(IServiceCollection services, string name, string connectionString)
    {
        services.AddOptions<AdoNetGrainStorageOptions>(name).Configure(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<AdoNetGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<AdoNetGrainStorageOptions>>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<AdoNetGrainStorageOptions>, DefaultAdoNetGrainStorageOptionsHashPickerConfigurator>());
        services.AddTransient<IConfigurationValidator>(
            sp => new AdoNetGrainStorageOptionsValidator(sp.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(name), name));
        services.AddGrainStorage(name, (sp, providerName) => new GrainTypeQualifiedGrainStorage(AdoNetGrainStorageFactory.Create(sp, providerName)));
    }
}
