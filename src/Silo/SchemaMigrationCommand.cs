using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Storage;

namespace ClarityConnect.Silo;

/// <summary><c>dotnet run --project src/Silo -- migrate</c>: applies the PostgreSQL schema scripts that are not applied yet.</summary>
public static class SchemaMigrationCommand
{
    /// <summary>Runs the migration; returns the process exit code.</summary>
    public static async Task<int> RunAsync(ClarityConnectOptions options, TextWriter output, TextWriter error)
    {
        if (options.Storage.Profile != StorageProfile.PostgreSql)
        {
            error.WriteLine("migrate applies the PostgreSQL schema: set ClarityConnect:Storage:Profile=PostgreSql and ClarityConnect:Storage:ConnectionString. The Embedded profile creates its SQLite schema by itself.");
            return 2;
        }

        try
        {
            var applied = await new PostgresSchemaMigrator().MigrateAsync(options.Storage.ConnectionString!, CancellationToken.None);
            output.WriteLine(applied.Count == 0
                ? "The PostgreSQL schema is up to date; nothing to apply."
                : $"Applied {applied.Count} schema script(s): {string.Join(", ", applied)}");
            return 0;
        }
        catch (Exception failure)
        {
            error.WriteLine($"Schema migration failed: {failure.Message}");
            return 1;
        }
    }
}
