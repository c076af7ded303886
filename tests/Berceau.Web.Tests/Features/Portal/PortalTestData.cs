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
        var facility = TestData.Creche(communeCode, name, "93140", 48.9022, 2.4828, sections);
        facility.ManagerName = "Ville de test";
        facility.Street = "3 rue des Essais";
        facility.OpeningDays = WeekDays.Weekdays;
        facility.OpensAt = new TimeOnly(7, 30);
        facility.ClosesAt = new TimeOnly(18, 30);
        facility.ReceptionTypes = ReceptionTypes.Regular | ReceptionTypes.Occasional;
        facility.AtypicalHours = true;
        facility.DisabilityInclusion = true;
        facility.Languages = "anglais, tamoul";
        facility.Phone = "01 99 00 11 22";
        facility.Website = "https://creche-test.example";
        facility.IsDemo = true;
        return facility;
    }

    public static Facility Childminder(string communeCode, string name)
    {
        var facility = TestData.Childminder(communeCode, name, "93140", 48.903456, 2.481234, new Agrement(3, 0, 36, new DateOnly(2029, 6, 30), "AGR-TEST-1"));
        facility.Street = "12 rue Privée";
        facility.Phone = "06 99 00 98 76";
        return facility;
    }

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

    public static async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await Forms.TextAsync(response));
    }
}
