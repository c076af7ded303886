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

public sealed class PostgresBerceauDbContext(DbContextOptions<PostgresBerceauDbContext> options) : BerceauDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Half of each page left free: a status move (a commission's freeze moves tens of thousands at once) writes the new row
        // version beside the old one, without a new entry in each of the table's indexes (a « HOT » update; no index holds the
        // status). A département's freeze: 0.6 s → 0.13 s for the UPDATE (docs/performance.md). The table is about twice as big.
        builder.Entity<Domain.Applications.Application>().HasStorageParameter("fillfactor", 50);
    }
}

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
