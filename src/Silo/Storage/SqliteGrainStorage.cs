using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace Sweep.Silo.Storage;

/// <summary>
/// Grain state in one SQLite file, for a sweep that runs on one machine. Every write is a
/// transaction, so a process killed at any moment leaves the last written state intact; ETags
/// are version numbers, so a stale activation cannot overwrite a newer state.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly string _connectionString;
    private readonly IGrainStorageSerializer _serializer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteGrainStorage(string path, IGrainStorageSerializer serializer)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        _serializer = serializer;
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL,
                grain_id   TEXT NOT NULL,
                version    INTEGER NOT NULL,
                payload    BLOB NOT NULL,
                PRIMARY KEY (grain_type, grain_id));
            """);
    }

    /// <summary>
    /// The keys of the grains that have a state named <paramref name="stateName"/> in the file at
    /// <paramref name="path"/> (for the sweep state, the names of the sweeps it holds), read without a
    /// silo; empty when there is no such file or it is not a state file of this kind.
    /// </summary>
    public static IReadOnlyList<string> StoredKeys(string path, string stateName)
    {
        if (!File.Exists(path))
            return [];

        var readOnly = new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        };
        try
        {
            using var connection = new SqliteConnection(readOnly.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT grain_id FROM grain_state WHERE grain_type = $t ORDER BY grain_id";
            command.Parameters.AddWithValue("$t", stateName);
            using var reader = command.ExecuteReader();
            var keys = new List<string>();
            while (reader.Read())
            {
                if (GrainId.TryParse(reader.GetString(0), out var id))
                    keys.Add(id.Key.ToString());
            }

            return keys;
        }
        catch (SqliteException)
        {
            return [];
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _gate.WaitAsync();
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, payload FROM grain_state WHERE grain_type = $t AND grain_id = $i";
            command.Parameters.AddWithValue("$t", stateName);
            command.Parameters.AddWithValue("$i", grainId.ToString());
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                grainState.State = Activator.CreateInstance<T>();
                grainState.ETag = null;
                grainState.RecordExists = false;
                return;
            }

            grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.State = _serializer.Deserialize<T>(new BinaryData((byte[])reader["payload"]));
            grainState.RecordExists = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        await _gate.WaitAsync();
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var stored = CurrentVersion(connection, stateName, grainId);
            var expected = grainState.ETag is null ? (long?)null : long.Parse(grainState.ETag,
                System.Globalization.CultureInfo.InvariantCulture);
            if (stored != expected)
            {
                throw new InconsistentStateException(
                    $"state '{stateName}' of {grainId} was changed by another activation", stored?.ToString(),
                    grainState.ETag);
            }

            var next = (stored ?? 0) + 1;
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO grain_state (grain_type, grain_id, version, payload) VALUES ($t, $i, $v, $p)
                ON CONFLICT (grain_type, grain_id) DO UPDATE SET version = $v, payload = $p
                """;
            command.Parameters.AddWithValue("$t", stateName);
            command.Parameters.AddWithValue("$i", grainId.ToString());
            command.Parameters.AddWithValue("$v", next);
            command.Parameters.AddWithValue("$p", payload);
            command.ExecuteNonQuery();
            transaction.Commit();
            grainState.ETag = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _gate.WaitAsync();
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM grain_state WHERE grain_type = $t AND grain_id = $i";
            command.Parameters.AddWithValue("$t", stateName);
            command.Parameters.AddWithValue("$i", grainId.ToString());
            command.ExecuteNonQuery();
            grainState.ETag = null;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static long? CurrentVersion(SqliteConnection connection, string stateName, GrainId grainId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM grain_state WHERE grain_type = $t AND grain_id = $i";
        command.Parameters.AddWithValue("$t", stateName);
        command.Parameters.AddWithValue("$i", grainId.ToString());
        return command.ExecuteScalar() is long version ? version : null;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
