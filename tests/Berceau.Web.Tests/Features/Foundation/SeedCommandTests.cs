using Berceau.Cli;
using Berceau.Data;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Foundation;

public sealed class SeedCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("berceau-cli-").FullName;

    private string Connection => $"Data Source={Path.Combine(_folder, "cli.db")}";

    [Fact]
    public async Task Seed_WithTerritory92_LoadsTheThirtySixCommunesAndTheirOffer_AndIsIdempotent()
    {
        Assert.Equal(0, await CliProgram.RunAsync(["seed", "--territory", "92", "--connection", Connection]));
        var first = await CountsAsync();
        Assert.Equal(36, first.Communes);
        Assert.True(first.Facilities > 100);

        Assert.Equal(0, await CliProgram.RunAsync(["seed", "--territory", "92", "--connection", Connection]));
        Assert.Equal(first, await CountsAsync());
    }

    [Fact]
    public async Task Seed_WithUnknownTerritory_ExitsWithCode2AndCreatesNothing()
    {
        Assert.Equal(2, await CliProgram.RunAsync(["seed", "--territory", "75", "--connection", Connection]));
        Assert.False(File.Exists(Path.Combine(_folder, "cli.db")));
    }

    private async Task<(int Communes, int Facilities)> CountsAsync()
    {
        await using var db = new SqliteBerceauDbContext(new DbContextOptionsBuilder<SqliteBerceauDbContext>().UseSqlite(Connection).Options);
        return (await db.Communes.CountAsync(), await db.Facilities.CountAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
