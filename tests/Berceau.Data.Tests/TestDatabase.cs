using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Tests;

/// <summary>A real SQLite file in its own temp folder, deleted at the end of the test.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "berceau-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "berceau.db");
        using var db = Open();
        // The lead is adding migrations; until then the schema comes straight from the model.
        db.Database.EnsureCreated();
    }

    public string Folder { get; }
    public string FilePath { get; }

    public SqliteBerceauDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteBerceauDbContext>().UseSqlite("Data Source=" + FilePath).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a leftover temp file is harmless */ }
    }
}
