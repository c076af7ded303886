using Berceau.Data.Import;
using Berceau.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Tests.Seed;

/// <summary>data/governance_93.json goes through the domain's verbs: a wrong entry stops the seed and writes nothing; once in, seeding again adds nothing.</summary>
public sealed class GovernanceSeederTests
{
    [Fact]
    public async Task AWrongEntry_StopsTheSeed_WritingNothing_ThenTheFileSeedsOnce()
    {
        using var database = new TestDatabase();
        var data = TestData.CopyDataTo(database.Folder);
        await using var db = database.Open();
        await DemoTerritorySeeder.SeedAsync(db, data, ["93"], TestData.Now);
        await SchemaSeeder.SeedAsync(db, data, "93", TestData.Now);
        var file = Path.Combine(data, GovernanceSeeder.FileName("93"));
        var original = await File.ReadAllTextAsync(file);
        // A session after the day of the seed is not a past meeting of the documents.
        await File.WriteAllTextAsync(file, original.Replace("\"2025-05-27\"", "\"2026-03-10\"", StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<ImportException>(() => GovernanceSeeder.SeedAsync(db, data, "93", TestData.Now));
        Assert.Contains("Groupe de travail « Axe 2 » du CDSF, réunion du 2026-03-10", e.Message);
        Assert.Equal(0, await db.GovernanceBodies.CountAsync());
        Assert.Equal(0, await db.PartnerOrganisations.CountAsync(o => o.Name == "Préfecture"));

        await File.WriteAllTextAsync(file, original);
        Assert.Equal(3, await GovernanceSeeder.SeedAsync(db, data, "93", TestData.Now));
        Assert.Equal(2, await db.GovernanceMeetings.CountAsync());
        Assert.Equal(0, await GovernanceSeeder.SeedAsync(db, data, "93", TestData.Now.AddDays(1)));
        Assert.Equal(3, await db.GovernanceBodies.CountAsync());
    }
}
