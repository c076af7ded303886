using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// The backup of docs/deployment.md, done as written: a dump of a running Berceau (pg_dump in custom format on PostgreSQL,
/// VACUUM INTO on SQLite), restored into an empty database; every table of the restored copy holds exactly the same rows, and
/// the application started over it lets a family sign in and find its application.
/// </summary>
[Trait("Category", "Database")]
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task ADump_RestoredIntoAnEmptyDatabase_HasTheSameRows_AndTheAppStartsOverIt()
    {
        // An app of its own: nothing else writes to its database between the dump and the comparison.
        await using var source = new BerceauApp(new Dictionary<string, string?>(), null);
        var (email, password) = await Accounts.CreateFamilyAsync(source);
        var userId = await Accounts.UserIdAsync(source, email);
        var application = await source.SubmittedAsync(userId, await source.CrechesAsync(ApplicationTestData.Montreuil, 2), new DateOnly(2026, 10, 1));
        var reference = (await source.StoredAsync(application)).Reference;
        await Accounts.SignInAsync(source, email, password); // creates the data-protection keys, which the dump must carry too

        using var restored = source.Provider == "postgres"
            ? await PostgresCopy.RestoreAsync(source.ConnectionString)
            : await SqliteCopy.RestoreAsync(source.ConnectionString);

        var before = await TableDigests.OfAsync(source.Provider, source.ConnectionString);
        var after = await TableDigests.OfAsync(source.Provider, restored.ConnectionString);
        Assert.Contains("Applications", before.Keys);
        Assert.Contains("DataProtectionKeys", before.Keys);
        Assert.Equal(before, after);

        await using var node = new BerceauApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Berceau"] = restored.ConnectionString,
            ["Seed:OnStartup"] = "false",
        }, null);
        var family = await Accounts.SignInAsync(node, email, password);
        var page = await family.GetAsync("/famille/demandes");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(reference, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A restored database, removed on dispose.</summary>
    private sealed class RestoredDatabase(string connectionString, Action drop) : IDisposable
    {
        public string ConnectionString { get; } = connectionString;

        public void Dispose() => drop();
    }

    private static class PostgresCopy
    {
        public static async Task<RestoredDatabase> RestoreAsync(string sourceConnection)
        {
            var source = new NpgsqlConnectionStringBuilder(sourceConnection);
            var dump = Path.Combine(Directory.CreateTempSubdirectory("berceau-dump-").FullName, "berceau.dump");
            await RunAsync("pg_dump", source, $"--format=custom --file={dump} --dbname={source.Database}");

            var name = "berceau_r_" + Guid.NewGuid().ToString("N")[..12];
            var admin = new NpgsqlConnectionStringBuilder(sourceConnection) { Database = "postgres", Pooling = false }.ConnectionString;
            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
            await RunAsync("pg_restore", source, $"--no-owner --exit-on-error --dbname={name} {dump}");
            File.Delete(dump);
            var restored = new NpgsqlConnectionStringBuilder(sourceConnection) { Database = name }.ConnectionString;
            return new RestoredDatabase(restored, () =>
            {
                NpgsqlConnection.ClearAllPools();
                ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
            });
        }

        private static async Task ExecuteAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>The client tool of the newest PostgreSQL installed (test.sh installs the Debian package), as an operator runs it.</summary>
        private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, string arguments)
        {
            var path = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))!, CultureInfo.InvariantCulture))
                .First();
            var start = new ProcessStartInfo(path, $"--host={server.Host} --port={server.Port} --username={server.Username} --no-password {arguments}")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            start.Environment["PGPASSWORD"] = server.Password;
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} a échoué ({process.ExitCode}) : {await errors}");
        }
    }

    private static class SqliteCopy
    {
        public static async Task<RestoredDatabase> RestoreAsync(string sourceConnection)
        {
            var folder = Directory.CreateTempSubdirectory("berceau-backup-").FullName;
            var copy = Path.Combine(folder, "berceau.db");
            await using (var connection = new SqliteConnection(sourceConnection))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $path";
                command.Parameters.AddWithValue("$path", copy);
                await command.ExecuteNonQueryAsync();
            }
            return new RestoredDatabase($"Data Source={copy}", () =>
            {
                SqliteConnection.ClearAllPools();
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            });
        }
    }

    /// <summary>One SHA-256 per table over its rows (each row's values in invariant text, rows sorted), so two copies compare table by table.</summary>
    private static class TableDigests
    {
        public static async Task<Dictionary<string, string>> OfAsync(string provider, string connectionString)
        {
            await using DbConnection connection = provider == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var tables = await RowsAsync(connection, provider == "postgres"
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            var digests = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                var rows = await RowsAsync(connection, $"SELECT * FROM \"{table}\"");
                rows.Sort(StringComparer.Ordinal);
                digests[table] = $"{rows.Count} lignes, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))}";
            }
            return digests;
        }

        private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            var values = new string[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < values.Length; i++)
                    values[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Convert.ToBase64String(bytes),
                        Array array => string.Join(',', array.Cast<object>()),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        var v => v.ToString() ?? "",
                    };
                rows.Add(string.Join('\u001f', values));
            }
            return rows;
        }
    }
}
