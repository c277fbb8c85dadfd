using Microsoft.Extensions.Options;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// Checks each named <see cref="SqliteStorageOptions"/> (the grain storage provider's, the reminder table's) when the
/// host starts (<c>ValidateOnStart</c>), and fails the start with a message that names the provider and the setting
/// that is wrong, before any database file is opened.
/// </summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FindError(options) is { } error
            ? ValidateOptionsResult.Fail($"Invalid configuration for SQLite storage '{name}': {error}")
            : ValidateOptionsResult.Success;
    }

    /// <summary>Returns a description of the first wrong setting, naming it, or <see langword="null"/>.</summary>
    /// <param name="options">The options to check.</param>
    public static string? FindError(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string type = nameof(SqliteStorageOptions);

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return $"{type}.{nameof(SqliteStorageOptions.DataDirectory)} is empty; set the folder that holds the database file.";
        }

        if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return $"{type}.{nameof(SqliteStorageOptions.DataDirectory)} '{options.DataDirectory}' contains characters that are not valid in a path.";
        }

        if (string.IsNullOrWhiteSpace(options.DatabaseFileName))
        {
            return $"{type}.{nameof(SqliteStorageOptions.DatabaseFileName)} is empty; set a file name such as '{SqliteStorageOptions.DefaultDatabaseFileName}'.";
        }

        if (options.DatabaseFileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || options.DatabaseFileName.Contains('/') || options.DatabaseFileName.Contains('\\')
            || options.DatabaseFileName is "." or "..")
        {
            return $"{type}.{nameof(SqliteStorageOptions.DatabaseFileName)} '{options.DatabaseFileName}' must be a plain file name; put the folder in {nameof(SqliteStorageOptions.DataDirectory)}.";
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            return $"{type}.{nameof(SqliteStorageOptions.Synchronous)} '{(int)options.Synchronous}' is not one of {string.Join(", ", Enum.GetNames<SqliteSynchronousMode>())}.";
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            return $"{type}.{nameof(SqliteStorageOptions.BusyTimeout)} '{options.BusyTimeout}' must be greater than zero and less than {TimeSpan.FromMilliseconds(int.MaxValue)}.";
        }

        return null;
    }
}
