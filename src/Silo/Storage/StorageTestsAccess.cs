using System.Runtime.CompilerServices;

// The storage tests check per-connection SQLite settings through the internal SqliteDatabase.
[assembly: InternalsVisibleTo("ClarityConnect.Storage.Tests")]
