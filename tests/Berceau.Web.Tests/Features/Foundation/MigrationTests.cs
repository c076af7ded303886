using Berceau.Data;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Foundation;

/// <summary>Each provider has its own migration set; a model change without its migration must fail the build of trust.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteBerceauDbContext(new DbContextOptionsBuilder<SqliteBerceauDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Le modèle a changé sans migration SQLite : dotnet ef migrations add … --context SqliteBerceauDbContext");
    }

    [Fact]
    public void PostgresMigrations_CoverTheModel()
    {
        using var db = new PostgresBerceauDbContext(new DbContextOptionsBuilder<PostgresBerceauDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Le modèle a changé sans migration PostgreSQL : dotnet ef migrations add … --context PostgresBerceauDbContext");
    }
}
