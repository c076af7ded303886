using System.Net;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Staffing;

/// <summary>
/// Data of the staffing and job-board tests: Villepinte (93078) and Noisy-le-Grand (93051). A crèche is named « Aaaa … » so that it
/// sorts before the demo structures on the portal's first page.
/// </summary>
internal static class StaffingTestData
{
    public const string Villepinte = "93078";
    public const string NoisyLeGrand = "93051";

    public static DateOnly Today(BerceauApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>A collective crèche with a « Bébés » section of 10 places and a « Grands » section of 20.</summary>
    public static Task<Facility> CrecheAsync(this BerceauApp app, string commune = Villepinte)
    {
        var (postal, lat, lon) = commune == Villepinte ? ("93420", 48.96, 2.54) : ("93160", 48.84, 2.55);
        var name = $"Aaaa Lucioles {Guid.NewGuid():N}"[..22];
        return app.SaveAsync(TestData.Creche(commune, name, postal, lat, lon, ("Bébés", 2, 18, 10), ("Grands", 18, 36, 20)));
    }

    public static Task<List<PlaceFreeze>> FreezesAsync(this BerceauApp app, Facility facility) =>
        app.WithDbAsync(db => db.PlaceFreezes.AsNoTracking().Where(p => p.FacilityId == facility.Id).ToListAsync());

    public static Task<FacilityStaffing?> StaffingAsync(this BerceauApp app, Facility facility) =>
        app.WithDbAsync(db => db.FacilityStaffings.AsNoTracking().FirstOrDefaultAsync(s => s.FacilityId == facility.Id));

    /// <summary>Freezes places of a section straight in the database (the pages are tested on their own).</summary>
    public static async Task<PlaceFreeze> FreezeAsync(this BerceauApp app, Facility facility, int section, int places, DateOnly from, DateOnly? to = null)
    {
        var freeze = PlaceFreeze.Record(facility, facility.Sections[section].Id, places, from, to, "Postes d’auxiliaire vacants", [],
            Today(app), BerceauApp.Now, "test").Value;
        await app.WithDbAsync(async db =>
        {
            db.PlaceFreezes.Add(freeze);
            return await db.SaveChangesAsync();
        });
        return freeze;
    }

    public static Task<HttpResponseMessage> PostFreezeAsync(HttpClient client, Facility facility, string section, string places, string from, string to = "", string reason = "Deux postes d’auxiliaire vacants") =>
        Forms.PostFormAsync(client, $"/pro/structures/{facility.Id}/personnel/gel",
            ("Input.SectionId", section), ("Input.Places", places), ("Input.From", from), ("Input.To", to), ("Input.Reason", reason));

    public static async Task<JobPosting> JobAsync(this BerceauApp app, string commune = Villepinte, int daysOnline = 30,
        Profession profession = Profession.AuxiliairePuericulture, ContractType contract = ContractType.Cdi, FacilityId? facility = null, string? title = null)
    {
        var job = new JobPosting
        {
            CommuneCode = commune, FacilityId = facility, Title = title ?? $"Poste test {Guid.NewGuid():N}"[..22], Employer = "Ville de Villepinte",
            Profession = profession, Contract = contract, Description = "Accueillir les enfants et leurs familles.",
            HowToApply = "recrutement@villepinte.test", ExpiresOn = Today(app).AddDays(daysOnline), PostedAt = BerceauApp.Now, PostedBy = "test",
        };
        await app.WithDbAsync(async db =>
        {
            db.JobPostings.Add(job);
            return await db.SaveChangesAsync();
        });
        return job;
    }

    public static Task<JobPosting> ReloadJobAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.JobPostings.AsNoTracking().FirstAsync(j => j.Id == id));

    public static Task<List<JobPosting>> JobsTitledAsync(this BerceauApp app, string title) =>
        app.WithDbAsync(db => db.JobPostings.AsNoTracking().Where(j => j.Title == title).ToListAsync());

    public static IEnumerable<(string, string)> JobFields(string title, string? commune = Villepinte, string? facility = null) =>
    [
        ("Input.Title", title), ("Input.CommuneCode", commune ?? ""), ("Input.FacilityId", facility ?? ""), ("Input.Employer", "Ville de Villepinte"),
        ("Input.Profession", nameof(Profession.Eje)), ("Input.Contract", nameof(ContractType.Titulaire)), ("Input.FullTime", "true"),
        ("Input.StartDate", ""), ("Input.ExpiresOn", "2027-01-15"), ("Input.Description", "Animer l’équipe éducative de la section des moyens."),
        ("Input.HowToApply", "recrutement@villepinte.test"),
    ];

    public static void AssertRedirect(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Redirection attendue, reçu {(int)response.StatusCode}");
}
