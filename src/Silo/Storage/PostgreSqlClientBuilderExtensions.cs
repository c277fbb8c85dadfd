using Orleans.Hosting;

namespace ClarityConnect.Silo.Storage;

/// <summary>Points Orleans clients at a cluster of the PostgreSQL storage profile.</summary>
public static class PostgreSqlClientBuilderExtensions
{
    /// <summary>Finds the cluster's gateways in the PostgreSQL membership table (Orleans' ADO.NET clustering).</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="connectionString">Npgsql connection string of the ClarityConnect database.</param>
    /// <returns>The client builder.</returns>
    public static IClientBuilder UsePostgreSqlClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgreSqlSiloBuilderExtensions.AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
    }
}
