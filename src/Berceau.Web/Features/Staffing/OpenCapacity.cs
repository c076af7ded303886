using System.Linq.Expressions;
using Berceau.Data;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Staffing;

/// <summary>Places of a territory on a day: agréées (PMI agreement), gelées (closed for lack of staff), ouvertes (the difference).</summary>
public sealed record CapacityOnDay(string CommuneCode, int Agreed, int Frozen)
{
    public int Open => Agreed - Frozen;
}

/// <summary>A section's places on a day.</summary>
public sealed record SectionCapacity(Guid SectionId, int Agreed, int Frozen)
{
    public int Open => Agreed - Frozen;
}

/// <summary>
/// « Places ouvertes » = places agréées − places gelées on a day (RULES §8). The one place that reads freezes for the other
/// features: the portal's list and page, the commission's seats, the vacancies form, and the observatory's « ouvertes vs
/// agréées » (<see cref="ByCommuneAsync"/>, documented in docs/staffing.md). A freeze counts on every day from its start to its
/// end included; a section never has more frozen than agreed places.
/// </summary>
public sealed class OpenCapacity(BerceauDbContext db)
{
    /// <summary>The freezes active on <paramref name="day"/>, as a SQL filter (also used inside the portal's projection).</summary>
    public static Expression<Func<PlaceFreeze, bool>> ActiveOn(DateOnly day) => p => p.From <= day && (p.To == null || p.To >= day);

    /// <summary>The freezes of some facilities that have a day on or after <paramref name="from"/> (current and future ones).</summary>
    public async Task<IReadOnlyList<PlaceFreeze>> FreezesAsync(IReadOnlyCollection<FacilityId> facilities, DateOnly from, CancellationToken ct)
    {
        var ids = facilities.Distinct().ToList();
        return await db.PlaceFreezes.AsNoTracking()
            .Where(p => ids.Contains(p.FacilityId) && (p.To == null || p.To >= from))
            .OrderBy(p => p.From).ToListAsync(ct);
    }

    /// <summary>Each section of <paramref name="facility"/> on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<SectionCapacity>> BySectionAsync(Facility facility, DateOnly day, CancellationToken ct)
    {
        var freezes = await FreezesAsync([facility.Id], day, ct);
        return [.. facility.Sections.Select(s => new SectionCapacity(s.Id, s.Places, PlaceFreeze.FrozenOn(freezes, s, day)))];
    }

    /// <summary>
    /// Places agréées, gelées and ouvertes by commune on <paramref name="day"/>, over the sections of the collective structures
    /// open that day (all communes, or those given). For the observatory: « places ouvertes / places agréées » per commune, and
    /// summed for an EPT or a département (sum the rows, never average rates). Communes without a collective place are absent.
    /// </summary>
    public async Task<IReadOnlyList<CapacityOnDay>> ByCommuneAsync(DateOnly day, IReadOnlyCollection<string>? communes, CancellationToken ct)
    {
        var facilities = db.Facilities.AsNoTracking().Where(f => f.ClosedOn == null || f.ClosedOn > day);
        if (communes is not null)
        {
            var codes = communes.ToList();
            facilities = facilities.Where(f => codes.Contains(f.CommuneCode));
        }
        var sections = await facilities
            .SelectMany(f => f.Sections, (f, s) => new { f.CommuneCode, s.Id, s.Places })
            .ToListAsync(ct);
        var sectionIds = sections.Select(s => s.Id).ToHashSet();
        var frozen = await db.PlaceFreezes.AsNoTracking().Where(ActiveOn(day))
            .GroupBy(p => p.SectionId).Select(g => new { SectionId = g.Key, Places = g.Sum(p => p.Places) })
            .ToListAsync(ct);
        var frozenBySection = frozen.Where(f => sectionIds.Contains(f.SectionId)).ToDictionary(f => f.SectionId, f => f.Places);
        return [.. sections.GroupBy(s => s.CommuneCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CapacityOnDay(g.Key, g.Sum(s => s.Places),
                g.Sum(s => Math.Min(s.Places, frozenBySection.GetValueOrDefault(s.Id)))))];
    }
}
