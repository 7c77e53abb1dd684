namespace RemoteGuidanceTraining.Web.Data;

/// <summary>
/// Searching typed text ignoring case in every letter, ä, ö and å included, on SQLite and PostgreSQL alike: compare
/// <c>column.ToLower()</c> (SQL lower()) with <see cref="Contains"/>. LIKE alone ignores case only in ASCII on SQLite
/// and not at all on PostgreSQL; SQLite's lower() is replaced by one that folds every letter (see
/// <see cref="Sqlite.PreparedSqliteConnection"/>), PostgreSQL's folds by the database's locale.
/// </summary>
public static class TextSearch
{
    /// <summary>The LIKE pattern for text containing <paramref name="query"/>, in lower case.</summary>
    public static string Contains(string query) => $"%{query.ToLowerInvariant()}%";
}
