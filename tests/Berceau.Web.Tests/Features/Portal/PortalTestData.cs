using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Portal;

/// <summary>Facilities built by the portal tests themselves, with unique names so that no test relies on another's data.</summary>
internal static class PortalTestData
{
    /// <summary>Bondy: a commune of the demo 93 with a modest offer, so that a test's own facility is easy to find.</summary>
    public const string Bondy = "93010";
    public const string Montreuil = "93048";

    /// <summary>"Aaaa …" sorts before the demo names (the list is sorted by name), so it is on the first page.</summary>
    public static string UniqueName(string what) => $"Aaaa {what} {Guid.NewGuid():N}"[..(what.Length + 13)];

    public static Facility Creche(string communeCode, string name, params (string Name, int Min, int Max, int Places)[] sections)
    {
        var facility = new Facility
        {
            Name = name,
            Mode = CareMode.EajeCollectif,
            ManagerType = ManagerType.Municipal,
            ManagerName = "Ville de test",
            CommuneCode = communeCode,
            Street = "3 rue des Essais",
            PostalCode = "93140",
            Latitude = 48.9022,
            Longitude = 2.4828,
            IsPsu = true,
            OpeningDays = WeekDays.Weekdays,
            OpensAt = new TimeOnly(7, 30),
            ClosesAt = new TimeOnly(18, 30),
            ReceptionTypes = ReceptionTypes.Regular | ReceptionTypes.Occasional,
            AtypicalHours = true,
            DisabilityInclusion = true,
            Languages = "anglais, tamoul",
            Phone = "01 99 00 11 22",
            Website = "https://creche-test.example",
            IsDemo = true,
        };
        foreach (var (sectionName, min, max, places) in sections)
            facility.Sections.Add(new Section { Name = sectionName, MinAgeMonths = min, MaxAgeMonths = max, Places = places });
        return facility;
    }

    public static Facility Childminder(string communeCode, string name) => new()
    {
        Name = name,
        Mode = CareMode.AssistantMaternel,
        ManagerType = ManagerType.Private,
        CommuneCode = communeCode,
        Street = "12 rue Privée",
        PostalCode = "93140",
        Latitude = 48.903456,
        Longitude = 2.481234,
        Phone = "06 99 00 98 76",
        Agrement = new Agrement(3, 0, 36, new DateOnly(2029, 6, 30), "AGR-TEST-1"),
    };

    public static Vacancy Vacancy(Guid? sectionId, int places, DateOnly from, int minAge = 0, int maxAge = 36) => new()
    {
        SectionId = sectionId,
        Places = places,
        From = from,
        MinAgeMonths = minAge,
        MaxAgeMonths = maxAge,
        DeclaredAt = BerceauApp.Now.AddDays(-10),
        DeclaredBy = "test",
    };

    public static async Task<Facility> SaveAsync(this BerceauApp app, Facility facility)
    {
        await app.WithDbAsync(async db =>
        {
            db.Facilities.Add(facility);
            return await db.SaveChangesAsync();
        });
        return facility;
    }

    public static async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await Forms.TextAsync(response));
    }
}
