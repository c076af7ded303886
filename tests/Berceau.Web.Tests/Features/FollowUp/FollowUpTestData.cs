using Berceau.Domain.Applications;
using Berceau.Domain.Audit;
using Berceau.Domain.FollowUp;
using Berceau.Domain.Offer;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.FollowUp;

/// <summary>
/// Data of the follow-up tests: families and cases in Villetaneuse (93079); 93050 (Neuilly-sur-Marne) is « another commune » for
/// access checks and a far-away childminder, and holds the indicator's hand-built cases (<see cref="FollowUpIndicatorTests"/> only).
/// </summary>
internal static class FollowUpTestData
{
    public const string Villetaneuse = "93079";
    public const string VilletaneusePostalCode = "93430";
    public const string Neuilly = "93050";
    public static readonly DateOnly Today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);

    /// <summary>Monday and Sunday: the demo childminders never open on Sundays, so only the tests' own ones can fit.</summary>
    public const WeekDays NeedDays = WeekDays.Monday | WeekDays.Sunday;

    public static string UniqueName(string prefix) => $"Test {prefix} {Guid.NewGuid():N}"[..(prefix.Length + 14)];

    public sealed record Need(DateOnly Born, DateOnly Start, WeekDays Days, decimal? Resources, int Children = 2);

    /// <summary>Born 1 March 2026, starting 4 January 2027 (10 months), Monday and Sunday 8:00–17:00, 32,000 € a year.</summary>
    public static Need Usual { get; } = new(new DateOnly(2026, 3, 1), new DateOnly(2027, 1, 4), NeedDays, 32_000m);

    /// <summary>A submitted application of Villetaneuse (through the domain, as the pages do), for the family account if given.</summary>
    public static async Task<Guid> ApplicationAsync(this BerceauApp app, string? familyUserId, Need? need = null, string commune = Villetaneuse)
    {
        need ??= Usual;
        var creche = await app.SaveAsync(TestData.Creche(commune, UniqueName("Crèche"), VilletaneusePostalCode, 48.957, 2.345, ("Bébés", 0, 36, 10)));
        var at = BerceauApp.Now.AddDays(-30);
        var application = new Application { Reference = $"DEM-TEST-{Guid.NewGuid():N}"[..24], FamilyUserId = familyUserId, CommuneCode = commune, CreatedAt = at };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Inès", "Benali", need.Born, null),
            Guardians = [new GuardianInput("Samia", "Benali", GuardianSituation.Employed)],
            ChildrenInHousehold = need.Children,
            AnnualResources = need.Resources,
            DesiredStart = need.Start,
            Days = need.Days,
            From = new TimeOnly(8, 0),
            To = new TimeOnly(17, 0),
            Wishes = [new WishInput(creche.Id)],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("5 rue de l’Université", VilletaneusePostalCode, null), consent: true, at).IsSuccess);
        var submitted = application.Submit(new WishChoices(new HashSet<FacilityId> { creche.Id }, null), DateOnly.FromDateTime(at.UtcDateTime), at, familyUserId ?? "test");
        Assert.True(submitted.IsSuccess, string.Join(" ", submitted.Problems.Select(p => p.Message)));
        await app.WithDbAsync(db => { db.Applications.Add(application); return db.SaveChangesAsync(); });
        return application.Id.Value;
    }

    /// <summary>A case opened by a commission's validation (no session needed for these tests) <paramref name="daysAgo"/> days ago.</summary>
    public static async Task<Guid> CaseAsync(this BerceauApp app, Guid application, int daysAgo = 10, string commune = Villetaneuse,
        FollowUpOrigin origin = FollowUpOrigin.Agent, Action<FollowUpCase>? then = null, DateTimeOffset? openedAt = null)
    {
        var opened = FollowUpCase.ByAgent(new ApplicationId(application), commune, openedAt ?? BerceauApp.Now.AddDays(-daysAgo), "test");
        var c = origin == FollowUpOrigin.Agent ? opened : new FollowUpCase
        {
            ApplicationId = opened.ApplicationId, CommuneCode = commune, Origin = FollowUpOrigin.Commission, OpenedAt = opened.OpenedAt, OpenedBy = "test",
        };
        then?.Invoke(c);
        await app.WithDbAsync(db => { db.FollowUpCases.Add(c); return db.SaveChangesAsync(); });
        return c.Id.Value;
    }

    public static Task<FollowUpCase> StoredCaseAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.FollowUpCases.AsNoTracking().Include(c => c.Actions).SingleAsync(c => c.Id == new FollowUpCaseId(id)));

    public static Task<List<FollowUpCase>> CasesOfAsync(this BerceauApp app, Guid application) =>
        app.WithDbAsync(db => db.FollowUpCases.AsNoTracking().Include(c => c.Actions).Where(c => c.ApplicationId == new ApplicationId(application)).ToListAsync());

    public static Task<List<AuditEntry>> CaseAuditAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == FollowUpAudit.EntityType && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).ToListAsync());

    public static string Path(Guid id) => FollowUpFeature.CasePath(id);

    public static string V(int version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
