using Berceau.Domain.Offer;

namespace Berceau.Web.Tests.Support;

/// <summary>
/// Builders of the records tests create for themselves (never the demo data). Feature test data classes start from
/// these and add what their own assertions look at.
/// </summary>
public static class TestData
{
    public static Facility Creche(string communeCode, string name, string postalCode, double latitude, double longitude,
        params (string Name, int Min, int Max, int Places)[] sections)
    {
        var facility = new Facility
        {
            Name = name,
            Mode = CareMode.EajeCollectif,
            ManagerType = ManagerType.Municipal,
            CommuneCode = communeCode,
            Street = "1 rue de l’Essai",
            PostalCode = postalCode,
            Latitude = latitude,
            Longitude = longitude,
            IsPsu = true,
        };
        foreach (var (sectionName, min, max, places) in sections)
            facility.Sections.Add(new Section { Name = sectionName, MinAgeMonths = min, MaxAgeMonths = max, Places = places });
        return facility;
    }

    public static Facility Childminder(string communeCode, string name, string postalCode, double latitude, double longitude, Agrement agrement) => new()
    {
        Name = name,
        Mode = CareMode.AssistantMaternel,
        ManagerType = ManagerType.Private,
        CommuneCode = communeCode,
        PostalCode = postalCode,
        Latitude = latitude,
        Longitude = longitude,
        Agrement = agrement,
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
}
