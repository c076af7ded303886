using Npgsql;

namespace Berceau.Web.Tests.Support;

/// <summary>
/// A fresh, empty database for one test host: a SQLite file in a temp folder, or a new database on the throw-away
/// PostgreSQL cluster that test.sh starts (BERCEAU_TEST_DB=postgres, BERCEAU_TEST_POSTGRES=connection string).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;
    private readonly string? _postgresAdmin;

    private TestDatabase(string provider, string connectionString, string? sqliteFolder, string? postgresName, string? postgresAdmin)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresName = postgresName;
        _postgresAdmin = postgresAdmin;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("BERCEAU_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static TestDatabase Create()
    {
        if (!UsePostgres)
        {
            var folder = Directory.CreateTempSubdirectory("berceau-test-").FullName;
            return new TestDatabase("sqlite", $"Data Source={Path.Combine(folder, "berceau.db")}", folder, null, null);
        }
        var admin = Environment.GetEnvironmentVariable("BERCEAU_TEST_POSTGRES")
            ?? throw new InvalidOperationException("BERCEAU_TEST_POSTGRES n’est pas défini : lancez ./test.sh, qui démarre PostgreSQL.");
        var name = "berceau_t_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("postgres", builder.ConnectionString, null, name, admin);
    }

    public void Dispose()
    {
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, recursive: true); } catch (IOException) { }
        }
        if (_postgresName is not null && _postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
