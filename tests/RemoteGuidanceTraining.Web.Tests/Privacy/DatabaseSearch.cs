using System.Text;
using Microsoft.Data.Sqlite;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

/// <summary>Looks for a string in every column of every table of the site's SQLite file, and in the file's bytes.</summary>
internal static class DatabaseSearch
{
    /// <summary>"Table.Column" for each column holding the text (ASCII case-insensitive; blobs searched as bytes too).</summary>
    public static async Task<IReadOnlyList<string>> ColumnsContainingAsync(string dataFolder, string text)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataFolder, "app.db")};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var hits = new List<string>();
        foreach (var table in tables)
        {
            foreach (var column in await ColumnsAsync(connection, table))
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower($v)) > 0";
                count.Parameters.AddWithValue("$v", text);
                if ((long)(await count.ExecuteScalarAsync())! > 0)
                {
                    hits.Add($"{table}.{column}");
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// Whether the bytes of the database file contain the text after a checkpoint and VACUUM (which rewrites the
    /// file without its free pages, as an operator's backup or a later SQLite maintenance would).
    /// </summary>
    public static async Task<bool> FileContainsAsync(string dataFolder, string text)
    {
        var path = Path.Combine(dataFolder, "app.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            await vacuum.ExecuteNonQueryAsync();
        }

        var bytes = await File.ReadAllBytesAsync(path);
        var wal = path + "-wal";
        if (File.Exists(wal))
        {
            bytes = [.. bytes, .. await File.ReadAllBytesAsync(wal)];
        }

        return bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        var columns = new List<string>();
        await using var info = connection.CreateCommand();
        info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        await using var reader = await info.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
