using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ClarityConnect.Silo.Storage;

/// <summary>Registers <see cref="SqliteReminderTable"/> as a silo's reminder table.</summary>
public static class SqliteReminderSiloBuilderExtensions
{
    /// <summary>Name of the <see cref="SqliteStorageOptions"/> instance that configures the reminder table.</summary>
    public const string OptionsName = "ClarityConnect.Reminders";

    /// <summary>Enables reminders on the silo and keeps them in a SQLite file.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the database location and durability; see <see cref="SqliteStorageOptions"/>.
    /// It may name the same file as the grain storage.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        builder.AddReminders();
        builder.Services.AddOptions<SqliteStorageOptions>(OptionsName).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        builder.Services.AddSingleton<IReminderTable>(services => new SqliteReminderTable(
            services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(OptionsName),
            services.GetRequiredService<IOptions<ClusterOptions>>(),
            services.GetRequiredService<ILogger<SqliteReminderTable>>()));
        return builder;
    }
}
