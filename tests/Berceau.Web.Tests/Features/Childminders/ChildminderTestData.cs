using Berceau.Domain.Audit;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Childminders;

/// <summary>Data of the childminders' tests, all in Saint-Ouen-sur-Seine (93070), which no other test class uses.</summary>
internal static class ChildminderTestData
{
    public const string SaintOuen = "93070";
    public const string SaintOuenPostalCode = "93400";
    /// <summary>Another commune, for "agent of another commune" checks (Montreuil, used read-only here).</summary>
    public const string Montreuil = "93048";

    public static string UniqueName(string prefix) => $"Test {prefix} {Guid.NewGuid():N}"[..(prefix.Length + 14)];

    public static Facility Childminder(string name, string? agrementNumber = null, int children = 4) =>
        new()
        {
            Name = name,
            Mode = CareMode.AssistantMaternel,
            ManagerType = ManagerType.Independent,
            CommuneCode = SaintOuen,
            Street = "12 bis rue des Rosiers",
            PostalCode = SaintOuenPostalCode,
            Latitude = 48.9118,
            Longitude = 2.3336,
            Phone = "01 02 03 04 05",
            Email = $"am.{Guid.NewGuid():N}@test.berceau.fr",
            Agrement = new Agrement(children, 0, 36, new DateOnly(2029, 1, 1), agrementNumber ?? $"AG-{Guid.NewGuid():N}"[..12]),
        };

    public static Task<List<AuditEntry>> AuditAsync(this BerceauApp app, string entityType, string entityId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync());

    /// <summary>A signed-in childminder attached to <paramref name="facility"/>, with their e-mail.</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInChildminderAsync(this BerceauApp app, FacilityId facility)
    {
        var (email, password) = await Accounts.CreateChildminderAsync(app, facility.Value);
        return (await Accounts.SignInAsync(app, email, password), email);
    }
}
