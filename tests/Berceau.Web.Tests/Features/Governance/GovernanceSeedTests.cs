using Berceau.Data.Seed;
using Berceau.Domain.Governance;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Governance;

/// <summary>
/// The demo seed gives the 93 its CDSF and the two working groups whose sessions the documents in shared/seeds support
/// (data/governance_93.json): names, axes, the chair the documents name, day, hours, place and agenda of each session, held, and
/// nothing the documents do not say (no attendance, minutes nor decisions). Other tests add instances in the 93: only the seeded
/// names are looked at.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class GovernanceSeedTests(BerceauApp app)
{
    private const string Cdsf = "Comité départemental des services aux familles (CDSF)";
    private const string Axe2 = "Groupe de travail « Axe 2 » du CDSF";
    private const string Axe5 = "Groupe de travail « Axe 5 » du CDSF";

    [Fact]
    public async Task TheDemoSeed_GivesThe93ItsCdsf_AndTheWorkingGroupsSessionsOfTheDocuments_Only()
    {
        var bodies = await app.WithDbAsync(db => db.GovernanceBodies.AsNoTracking().Include(b => b.Members).Include(b => b.Axes)
            .Where(b => b.DepartementCode == SchemaTestData.Departement && (b.Name == Cdsf || b.Name == Axe2 || b.Name == Axe5)).OrderBy(b => b.Name).ToListAsync());
        Assert.Equal([Cdsf, Axe2, Axe5], bodies.Select(b => b.Name));
        var cdsf = bodies[0];
        Assert.Equal(GovernanceKind.Plenary, cdsf.Kind);
        Assert.Contains("Installé en 2023", cdsf.Description);
        var chair = Assert.Single(cdsf.Members);
        Assert.Equal(MemberRole.Chair, chair.Role);
        Assert.Equal("Préfecture", await app.WithDbAsync(db => db.PartnerOrganisations.Where(o => o.Id == chair.OrganisationId).Select(o => o.Name).SingleAsync()));

        var axes = await app.WithDbAsync(db => db.Schemas.AsNoTracking().Include(s => s.Axes)
            .Where(s => s.DepartementCode == SchemaTestData.Departement && s.StartYear == 2024 && s.EndYear == 2026).SelectMany(s => s.Axes).ToListAsync());
        Assert.Equal(2, axes.Single(a => a.Id == Assert.Single(bodies[1].Axes).AxisId).Number);
        Assert.Equal(5, axes.Single(a => a.Id == Assert.Single(bodies[2].Axes).AxisId).Number);
        Assert.Empty(bodies[1].Members);
        Assert.Contains("Source : support de la réunion du 27 mai 2025", bodies[1].Description);
        // Each rule is attributed to the part of the support that gives it: « définis par axe, coanimés » is the support's own
        // methodology, the meetings and members its « Fonctionnement des groupes de travail (cf. Règlement intérieur du CDSF) ».
        Assert.All(bodies.Skip(1), b =>
        {
            Assert.Contains("suivi des actions (support du 27 mai 2025, « Méthodologie de déploiement des actions »)", b.Description);
            Assert.Contains("(« cf. Règlement intérieur du CDSF », même support) : 2 à 3 réunions par an", b.Description);
        });

        var ids = bodies.Select(b => b.Id).ToList();
        var meetings = await app.WithDbAsync(db => db.GovernanceMeetings.AsNoTracking().Include(m => m.Agenda).Include(m => m.Attendance).Include(m => m.Decisions)
            .Where(m => ids.Contains(m.BodyId)).OrderBy(m => m.Date).ToListAsync());
        Assert.Equal([new DateOnly(2024, 3, 22), new DateOnly(2025, 5, 27)], meetings.Select(m => m.Date));
        Assert.Equal([bodies[2].Id, bodies[1].Id], meetings.Select(m => m.BodyId));
        Assert.All(meetings, m =>
        {
            Assert.Equal((GovernanceMeetingStatus.Held, new TimeOnly(14, 0), new TimeOnly(17, 0), "Caf de la Seine-Saint-Denis, Bobigny"), (m.Status, m.StartsAt, m.EndsAt, m.Place));
            Assert.Empty(m.Attendance);
            Assert.Empty(m.Decisions);
            Assert.Null(m.Minutes);
        });
        Assert.Equal(["Introduction", "Suivi des fiches actions", "Travail en groupe sur les actions à privilégier pour un portage collectif"],
            meetings[1].Agenda.OrderBy(a => a.Position).Select(a => a.Title));
        Assert.Equal(5, meetings[0].Agenda.Count);

        // The secretariat of the 93 finds them like the instances it creates; seeding again adds nothing.
        using var secretariat = await app.SecretariatAsync();
        Assert.Contains(Axe2, await Forms.TextAsync(await secretariat.GetAsync("/pro/schema/instances")));
        var page = await Forms.TextAsync(await secretariat.GetAsync($"/pro/schema/reunions/{meetings[1].Id}"));
        Assert.Contains("Suivi des fiches actions", page);
        Assert.Contains("Caf de la Seine-Saint-Denis, Bobigny", page);
        Assert.Equal(0, await app.WithDbAsync(db => GovernanceSeeder.SeedAsync(db, DataFiles.DefaultFolder, SchemaTestData.Departement, BerceauApp.Now)));
    }
}
