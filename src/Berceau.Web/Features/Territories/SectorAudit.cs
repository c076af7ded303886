using Berceau.Domain.Territories;
using Berceau.Web.Features.Offer;

namespace Berceau.Web.Features.Territories;

/// <summary>
/// What the audit log says about a sector: one line per change whose details are the same JSON diff as a facility's.
/// A facility put in (or taken out of) a sector gets its own line, on the facility, with its SectorId before and after.
/// </summary>
public static class SectorAudit
{
    public const string EntityType = "Sector";
    public const string Created = "création";
    public const string Updated = "modification";
    public const string Deleted = "suppression";

    public static IReadOnlyDictionary<string, string?> None { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string?> Snapshot(Sector s) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [nameof(s.CommuneCode)] = s.CommuneCode,
        [nameof(s.Name)] = s.Name,
        [nameof(s.BoundaryGeoJson)] = s.BoundaryGeoJson,
    };

    /// <summary>Details of a deletion: what the sector was (a long boundary cut, as in a diff).</summary>
    public static string Removed(Sector s) => FacilityAudit.Details(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [nameof(s.CommuneCode)] = s.CommuneCode,
        [nameof(s.Name)] = s.Name,
        [nameof(s.BoundaryGeoJson)] = s.BoundaryGeoJson is { Length: > 200 } boundary ? boundary[..200] + "…" : s.BoundaryGeoJson,
    });
}
