namespace ClarityConnect.Silo.Storage;

/// <summary>A PostgreSQL schema script could not be applied; nothing of that migration run was kept.</summary>
public sealed class PostgresSchemaMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="scriptName">The script that failed, or <see langword="null"/> when no single script is at fault.</param>
    /// <param name="message">What went wrong, naming the script.</param>
    /// <param name="innerException">The database error, if any.</param>
    public PostgresSchemaMigrationException(string? scriptName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ScriptName = scriptName;
    }

    /// <summary>File name of the script that failed (e.g. <c>0003-persistence.sql</c>), if one did.</summary>
    public string? ScriptName { get; }
}
