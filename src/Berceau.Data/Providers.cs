using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Berceau.Data;

public sealed class SqliteBerceauDbContext(DbContextOptions<SqliteBerceauDbContext> options) : BerceauDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-offset type: stored as UTC ticks so that ordering and comparisons run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresBerceauDbContext(DbContextOptions<PostgresBerceauDbContext> options) : BerceauDbContext(options);

/// <summary>Used by `dotnet ef` only: production configuration comes from the host.</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteBerceauDbContext>
{
    public SqliteBerceauDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBerceauDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresBerceauDbContext>
{
    public PostgresBerceauDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBerceauDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
