using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>
/// Who may do what with occasional care, asked by every staff handler on GET and on POST (the folder policy only says "staff"):
/// <list type="bullet">
/// <item>Slots of a facility (publish, withdraw, the bookings of the day): whoever may edit the facility in the offer registry
/// (its director, the agents and admins of its territory).</item>
/// <item>Families' files of a commune (check them): the agents and admins whose territory covers the commune, and the directors
/// of a crèche of the commune that accepts occasional care.</item>
/// </list>
/// </summary>
public sealed class OccasionalAccess(BerceauDbContext db, CurrentStaff staff)
{
    public string UserName => staff.User.Identity?.Name ?? "";

    public Task<StaffMember> MemberAsync(CancellationToken ct) => FacilityAccess.CurrentAsync(staff, ct);

    /// <summary>Facilities accepting occasional care the user may publish slots for, by name, with their sections.</summary>
    public async Task<IReadOnlyList<Facility>> ManagedFacilitiesAsync(CancellationToken ct)
    {
        var user = await MemberAsync(ct);
        var facilities = await db.Facilities.AsNoTracking().Include(f => f.Sections).InScope(user.Scope)
            .Where(f => (f.ReceptionTypes & ReceptionTypes.Occasional) != 0).ToListAsync(ct);
        return [.. facilities.Where(f => FacilityAccess.CanEdit(user, f)).OrderBy(f => f.Name, StringComparer.Create(OccasionalDisplay.French, true))];
    }

    /// <summary>The facility if the user may manage its slots; <c>Missing</c> when it does not exist, <c>Denied</c> when it is not theirs.</summary>
    public async Task<(Facility? Facility, bool Missing, bool Denied)> FacilityAsync(Guid id, CancellationToken ct)
    {
        var facility = await db.Facilities.AsNoTracking().Include(f => f.Sections).FirstOrDefaultAsync(f => f.Id == new FacilityId(id), ct);
        if (facility is null) return (null, true, false);
        var user = await MemberAsync(ct);
        return FacilityAccess.CanEdit(user, facility) ? (facility, false, false) : (null, false, true);
    }

    /// <summary>Communes whose families' files the user checks.</summary>
    public async Task<IReadOnlySet<string>> ReviewableCommunesAsync(CancellationToken ct)
    {
        var user = await MemberAsync(ct);
        var communes = new HashSet<string>(StringComparer.Ordinal);
        if (user.ManagesTerritory)
        {
            communes.UnionWith(user.Scope.Communes);
            var departements = user.Scope.Departements.ToList();
            communes.UnionWith(await db.Communes.AsNoTracking().Where(c => departements.Contains(c.DepartementCode)).Select(c => c.Code).ToListAsync(ct));
        }
        if (user.IsDirector)
            communes.UnionWith((await ManagedFacilitiesAsync(ct)).Select(f => f.CommuneCode));
        return communes;
    }

    public async Task<bool> CanReviewAsync(string communeCode, CancellationToken ct) => (await ReviewableCommunesAsync(ct)).Contains(communeCode);
}
