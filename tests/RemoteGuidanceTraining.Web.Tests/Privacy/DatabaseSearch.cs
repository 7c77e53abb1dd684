using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using RemoteGuidanceTraining.Web.Tests.Infrastructure;

namespace RemoteGuidanceTraining.Web.Tests.Privacy;

/// <summary>
/// Looks for a string in every column of every table of a test site's database (SQLite file or PostgreSQL
/// database), and in the SQLite file's bytes.
/// </summary>
internal static class DatabaseSearch
{
    /// <summary>"Table.Column" for each column holding the text (ASCII case-insensitive in text; blobs searched as bytes).</summary>
    public static async Task<IReadOnlyList<string>> ColumnsContainingAsync(string dataFolder, string text)
    {
        await using var connection = Open(dataFolder);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, bool Binary)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.IsPostgres
                ? "SELECT table_name, column_name, data_type = 'bytea' FROM information_schema.columns WHERE table_schema = 'public'"
                : "SELECT m.name, c.name, c.type = 'BLOB' FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
            }
        }

        var hits = new List<string>();
        foreach (var (table, column, binary) in columns)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = (TestDatabase.IsPostgres, binary) switch
            {
                (true, true) => $"SELECT COUNT(*) FROM \"{table}\" WHERE position(convert_to(@v, 'UTF8') in \"{column}\") > 0",
                (true, false) => $"SELECT COUNT(*) FROM \"{table}\" WHERE strpos(lower(CAST(\"{column}\" AS TEXT)), lower(@v)) > 0",
                _ => $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(lower(CAST(\"{column}\" AS TEXT)), lower(@v)) > 0",
            };
            var parameter = count.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("@v", text);
            count.Parameters.Add(parameter);
            if (Convert.ToInt64(await count.ExecuteScalarAsync()) > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        return hits;
    }

    /// <summary>
    /// On SQLite: whether the bytes of the database file contain the text after a checkpoint and VACUUM (which
    /// rewrites the file without its free pages). On PostgreSQL there is no file to read: false.
    /// </summary>
    public static async Task<bool> FileContainsAsync(string dataFolder, string text)
    {
        if (TestDatabase.IsPostgres)
        {
            return false;
        }

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

    private static DbConnection Open(string dataFolder) => TestDatabase.IsPostgres
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString(dataFolder)) { Pooling = false }.ConnectionString)
        : new SqliteConnection($"Data Source={Path.Combine(dataFolder, "app.db")};Pooling=False");
}
