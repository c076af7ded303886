using System.Net;
using Berceau.Domain.Applications;
using Berceau.Domain.Audit;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Berceau.Web.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Tests.Features.Applications;

/// <summary>Families, crèches and applications built by the application tests themselves (never the demo data).</summary>
internal static class ApplicationTestData
{
    public const string Montreuil = "93048";
    public const string MontreuilPostalCode = "93100";
    public const string SaintDenis = "93066";
    public static readonly DateOnly Today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);

    public static string UniqueName(string prefix) => $"Test {prefix} {Guid.NewGuid():N}"[..(prefix.Length + 14)];

    /// <summary>Crèches of the commune that the guichet unique takes (collective, PSU, regular care).</summary>
    public static async Task<IReadOnlyList<Facility>> CrechesAsync(this BerceauApp app, string commune, int count, Guid? sector = null)
    {
        var creches = new List<Facility>();
        for (var i = 0; i < count; i++)
        {
            var creche = TestData.Creche(commune, UniqueName("Crèche"), MontreuilPostalCode, 48.8611, 2.4432, ("Bébés", 0, 18, 10));
            creche.SectorId = sector;
            creches.Add(await app.SaveAsync(creche));
        }
        return creches;
    }

    public static async Task<Sector> SectorAsync(this BerceauApp app, string commune)
    {
        var sector = new Sector { CommuneCode = commune, Name = UniqueName("Secteur") };
        await app.WithDbAsync(db => { db.Sectors.Add(sector); return db.SaveChangesAsync(); });
        return sector;
    }

    /// <summary>A family account, signed in; its user id for assertions.</summary>
    public static async Task<(HttpClient Client, string UserId)> SignedInFamilyAsync(this BerceauApp app)
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        return (await Accounts.SignInAsync(app, email, password), await Accounts.UserIdAsync(app, email));
    }

    public static string NewPath(string commune = Montreuil) => $"/famille/demandes/nouvelle?commune={commune}";

    /// <summary>A complete, valid form for a child born in June, starting in January, with the given wishes.</summary>
    public static Dictionary<string, string> ValidForm(string commune, params string[] wishes)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = "0",
            ["Input.CommuneCode"] = commune,
            ["Input.Street"] = "12 rue de Paris",
            ["Input.PostalCode"] = MontreuilPostalCode,
            ["Input.Child.FirstName"] = "Inès",
            ["Input.Child.LastName"] = "Martin-Diallo",
            ["Input.Child.BirthDate"] = "2026-06-01",
            ["Input.Guardians[0].FirstName"] = "Awa",
            ["Input.Guardians[0].LastName"] = "Diallo",
            ["Input.Guardians[0].Situation"] = "Employed",
            ["Input.ChildrenInHousehold"] = "2",
            ["Input.AnnualResources"] = "32 000",
            ["Input.CafNumber"] = "1234567",
            ["Input.DesiredStart"] = "2027-01-04",
            ["Input.Days"] = "Monday",
            ["Input.From"] = "08:30",
            ["Input.To"] = "17:30",
            ["Input.Consent"] = "true",
            ["action"] = "deposer",
        };
        for (var i = 0; i < wishes.Length; i++) form[$"Input.Wishes[{i}]"] = wishes[i];
        return form;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IDictionary<string, string> form) =>
        Forms.PostFormAsync(client, url, form);

    public static Guid IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location["/famille/demandes/".Length..]);
    }

    public static Task<List<Application>> ApplicationsOfAsync(this BerceauApp app, string userId) =>
        app.WithDbAsync(db => db.Applications.AsNoTracking().Include(a => a.Wishes).Include(a => a.StatusChanges).Include(a => a.Events)
            .Where(a => a.FamilyUserId == userId).ToListAsync());

    public static Task<Application> StoredAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.Applications.AsNoTracking().Include(a => a.Wishes).Include(a => a.StatusChanges).Include(a => a.Events)
            .SingleAsync(a => a.Id == new ApplicationId(id)));

    public static Task<List<AuditEntry>> AuditOfAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == ApplicationAudit.EntityType && a.EntityId == id.ToString())
            .OrderBy(a => a.Id).ToListAsync());

    /// <summary>
    /// An application of the family submitted on <paramref name="submittedOn"/> (through the domain, as the pages do), for
    /// tests that need one older than the fixed clock, e.g. due for confirmation.
    /// </summary>
    public static async Task<Guid> SubmittedAsync(this BerceauApp app, string userId, IReadOnlyList<Facility> wishes, DateOnly submittedOn)
    {
        var at = new DateTimeOffset(submittedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var application = new Application
        {
            Reference = $"DEM-TEST-{Guid.NewGuid():N}"[..24],
            FamilyUserId = userId,
            CommuneCode = Montreuil,
            CreatedAt = at,
        };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Noé", "Bernard", new DateOnly(2026, 3, 1), null),
            Guardians = [new GuardianInput("Léa", "Bernard", GuardianSituation.JobSeeker)],
            DesiredStart = submittedOn.AddMonths(2),
            Days = WeekDays.Weekdays,
            From = new TimeOnly(8, 0),
            To = new TimeOnly(17, 0),
            Wishes = [.. wishes.Select(w => new WishInput(w.Id))],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("3 rue Test", MontreuilPostalCode, null), consent: true, at).IsSuccess);
        var choices = new WishChoices(wishes.Select(w => w.Id).ToHashSet(), null);
        var submitted = application.Submit(choices, submittedOn, at, userId);
        Assert.True(submitted.IsSuccess, string.Join(" ", submitted.Problems.Select(p => p.Message)));
        await app.WithDbAsync(db => { db.Applications.Add(application); return db.SaveChangesAsync(); });
        return application.Id.Value;
    }
}
