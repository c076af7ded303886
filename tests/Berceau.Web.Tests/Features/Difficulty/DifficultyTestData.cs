using Berceau.Domain.Difficulty;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Difficulty;

/// <summary>
/// Data of the structures-in-difficulty tests: their own crèches and MAM in Montreuil (93048), named uniquely, so that assertions
/// look at them only (other tests have structures in 93048 too). Another territory is Noisy-le-Grand (93051), where no structure is made.
/// </summary>
internal static class DifficultyTestData
{
    public const string Montreuil = "93048";
    public const string OtherCommune = "93051";

    public static DateOnly Today(BerceauApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    public static string Name(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A crèche of 30 places (10 babies, 20 older).</summary>
    public static Task<Facility> CrecheAsync(this BerceauApp app, string? name = null) =>
        app.SaveAsync(TestData.Creche(Montreuil, name ?? Name("Crèche Difficulté"), "93100", 48.86, 2.44, ("Bébés", 2, 18, 10), ("Grands", 18, 36, 20)));

    public static Task<Facility> MamAsync(this BerceauApp app) => app.SaveAsync(new Facility
    {
        Name = Name("MAM Les Petits Pas"), Mode = CareMode.Mam, ManagerType = ManagerType.Private, CommuneCode = Montreuil, PostalCode = "93100",
        Latitude = 48.86, Longitude = 2.44, Agrement = new Agrement(12, 0, 72, null, null),
    });

    /// <summary>A staffing table straight in the database (the staffing pages are tested on their own).</summary>
    public static Task StaffingAsync(this BerceauApp app, Facility facility, int filled, int vacant) => app.WithDbAsync(async db =>
    {
        var staffing = new FacilityStaffing { FacilityId = facility.Id };
        staffing.Update(EncadrementRule.FiveAndEight, [(Profession.AuxiliairePuericulture, filled, vacant)], BerceauApp.Now, "test");
        db.FacilityStaffings.Add(staffing);
        return await db.SaveChangesAsync();
    });

    public static Task FreezeAsync(this BerceauApp app, Facility facility, int places) => app.WithDbAsync(async db =>
    {
        db.PlaceFreezes.Add(PlaceFreeze.Record(facility, facility.Sections[0].Id, places, Today(app), null, "Auxiliaires absentes non remplacées", [],
            Today(app), BerceauApp.Now, "test").Value);
        return await db.SaveChangesAsync();
    });

    public static Task<List<StructureSignal>> SignalsAsync(this BerceauApp app, Facility facility) =>
        app.WithDbAsync(db => db.StructureSignals.AsNoTracking().Where(s => s.FacilityId == facility.Id).ToListAsync());

    public static Task<List<AccompanimentCase>> CasesAsync(this BerceauApp app, Facility facility) =>
        app.WithDbAsync(db => db.AccompanimentCases.AsNoTracking().Include(c => c.Actions).Where(c => c.FacilityId == facility.Id).ToListAsync());

    public static Task<List<string>> AuditActionsAsync(this BerceauApp app, string entityId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    public static string StructurePath(Facility f) => $"/pro/structures-en-difficulte/{f.Id}";
}
