namespace ClarityConnect.Silo.Configuration;

/// <summary>Where the cluster keeps its membership, grain state and reminders.</summary>
public enum StorageProfile
{
    /// <summary>One silo, localhost clustering, SQLite in the data folder. The default.</summary>
    Embedded,
    /// <summary>A multi-silo cluster on PostgreSQL through Orleans' ADO.NET providers.</summary>
    PostgreSql,
}
