using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RemoteGuidanceTraining.Web.Data;

/// <summary>Tells a unique-index violation (another request wrote the same row first) from every other write failure.</summary>
public static class DatabaseErrors
{
    // SQLite's extended result codes: SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// True when a unique index or primary key refused the write, on SQLite or PostgreSQL (SQLSTATE 23505). A value
    /// too long for its column, a foreign key, a lost connection or anything else is not.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException error)
    {
        for (Exception? inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PostgresException postgres:
                    return postgres.SqlState == PostgresErrorCodes.UniqueViolation;
                case SqliteException sqlite:
                    return sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;
            }
        }

        return false;
    }
}
