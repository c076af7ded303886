using System.Net;
using Berceau.Domain.Audit;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Offer;

/// <summary>Facilities, staff and forms built by the offer tests themselves: unique names, never the demo data.</summary>
internal static class OfferTestData
{
    public const string Montreuil = "93048";
    public const string MontreuilPostalCode = "93100";
    public const string SaintDenis = "93066";
    public const string SaintDenisPostalCode = "93200";

    // "Test …" sorts after the demo names ("Crèche …", "Multi-accueil …"), so that other tests still find demo facilities first.
    public static string UniqueName(string prefix) => $"Test {prefix} {Guid.NewGuid():N}"[..(prefix.Length + 14)];

    public static Facility Creche(string communeCode, string name, params (string Name, int Min, int Max, int Places)[] sections) =>
        TestData.Creche(communeCode, name, communeCode == SaintDenis ? SaintDenisPostalCode : MontreuilPostalCode, 48.8611, 2.4432, sections);

    public static Facility Childminder(string communeCode, string name) =>
        TestData.Childminder(communeCode, name, MontreuilPostalCode, 48.86, 2.44, new Agrement(3, 0, 36, new DateOnly(2029, 1, 1), "AG-TEST"));

    /// <summary>The facility as stored now (sections, vacancies), or null.</summary>
    public static Task<Facility?> StoredAsync(this BerceauApp app, FacilityId id) =>
        app.WithDbAsync(db => db.Facilities.AsNoTracking().Include(f => f.Sections).Include(f => f.Vacancies)
            .FirstOrDefaultAsync(f => f.Id == id));

    public static Task<List<Facility>> StoredByNameAsync(this BerceauApp app, string name) =>
        app.WithDbAsync(db => db.Facilities.AsNoTracking().Include(f => f.Sections).Where(f => f.Name == name).ToListAsync());

    public static Task<int> CountInCommuneAsync(this BerceauApp app, string commune) =>
        app.WithDbAsync(db => db.Facilities.CountAsync(f => f.CommuneCode == commune));

    public static Task<List<AuditEntry>> AuditOfAsync(this BerceauApp app, FacilityId id)
    {
        var entityId = id.ToString();
        return app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == FacilityAudit.EntityType && a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync());
    }

    public static async Task<HttpClient> SignedInAsync(this BerceauApp app, string role, string? departement = null, string? commune = null, Guid? facility = null)
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, role, departement, commune, facility);
        return await Accounts.SignInAsync(app, email, password);
    }

    /// <summary>Access refused: a real 403 status with the French "accès refusé" page.</summary>
    public static void AssertForbidden(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
            $"Accès refusé (403) attendu, reçu {(int)response.StatusCode} {response.Headers.Location}");

    public static void AssertRedirectTo(HttpResponseMessage response, string path)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Redirection attendue vers {path}, reçu {(int)response.StatusCode}");
        Assert.StartsWith(path, response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    /// <summary>A complete, valid facility form for a collective facility; change fields with <see cref="Set"/>.</summary>
    public static List<KeyValuePair<string, string>> CrecheForm(string name, string commune, string postalCode, int version = 0,
        params (Guid? Id, string Name, string Min, string Max, string Places)[] sections)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Name", name),
            new("Input.Mode", "EAJE_COLLECTIF"),
            new("Input.ManagerType", "Municipal"),
            new("Input.ManagerName", "Ville de test"),
            new("Input.CommuneCode", commune),
            new("Input.Street", "2 rue du Test"),
            new("Input.PostalCode", postalCode),
            new("Input.Latitude", ""),
            new("Input.Longitude", ""),
            new("Input.IsPsu", "true"),
            new("Input.OpensAt", "07:30"),
            new("Input.ClosesAt", "18:30"),
            new("Input.ReceptionTypes", "Regular"),
            new("Input.ReceptionTypes", "Occasional"),
            new("Input.AtypicalHours", "false"),
            new("Input.DisabilityInclusion", "true"),
            new("Input.DisabilityInclusion", "false"),
            new("Input.Phone", "01 23 45 67 89"),
        };
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
            fields.Add(new("Input.OpeningDays", day));
        for (var i = 0; i < sections.Length; i++)
        {
            var (id, sectionName, min, max, places) = sections[i];
            fields.Add(new($"Input.Sections[{i}].Id", id?.ToString() ?? ""));
            fields.Add(new($"Input.Sections[{i}].Name", sectionName));
            fields.Add(new($"Input.Sections[{i}].MinAgeMonths", min));
            fields.Add(new($"Input.Sections[{i}].MaxAgeMonths", max));
            fields.Add(new($"Input.Sections[{i}].Places", places));
        }
        return fields;
    }

    public static List<KeyValuePair<string, string>> Set(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }
}
