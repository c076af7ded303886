using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders;

/// <summary>Reads shared by the childminders' pages: communes of a scope, facilities of an account, accounts of a facility.</summary>
public sealed class ChildminderQueries(BerceauDbContext db)
{
    /// <summary>The communes a staff scope covers as a whole, by name.</summary>
    public async Task<IReadOnlyList<Commune>> CommunesAsync(TerritoryScope scope, CancellationToken ct)
    {
        var all = await db.Communes.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new Commune { Code = c.Code, Name = c.Name, DepartementCode = c.DepartementCode, PostalCodes = c.PostalCodes })
            .ToListAsync(ct);
        return [.. all.Where(c => scope.CoversCommune(c.Code))];
    }

    public async Task<IReadOnlyList<Commune>> AllCommunesAsync(CancellationToken ct) =>
        await db.Communes.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new Commune { Code = c.Code, Name = c.Name, DepartementCode = c.DepartementCode, PostalCodes = c.PostalCodes })
            .ToListAsync(ct);

    /// <summary>The AM and MAM facilities a childminder account is attached to (its facility grants).</summary>
    public async Task<IReadOnlyList<FacilityId>> OwnFacilitiesAsync(TerritoryScope scope, CancellationToken ct)
    {
        var own = scope.Facilities.Select(f => new FacilityId(f)).ToList();
        return await db.Facilities.AsNoTracking()
            .Where(f => own.Contains(f.Id) && (f.Mode == CareMode.AssistantMaternel || f.Mode == CareMode.Mam))
            .OrderBy(f => f.Name).Select(f => f.Id).ToListAsync(ct);
    }

    /// <summary>The accounts (user id and e-mail) with the childminder role attached to a facility.</summary>
    public async Task<IReadOnlyList<(string UserId, string Email)>> AccountsOfAsync(FacilityId facility, CancellationToken ct)
    {
        var role = await db.Roles.Where(r => r.Name == Roles.Childminder).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var rows = await (from g in db.UserGrants
                          join u in db.Users on g.UserId equals u.Id
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          where g.FacilityId == facility.Value && ur.RoleId == role && !u.IsDisabled && u.Email != null
                          select new { u.Id, u.Email }).Distinct().ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Email!))];
    }

    public Task<ChildminderProfile?> ProfileAsync(FacilityId facility, bool tracked, CancellationToken ct)
    {
        var profiles = tracked ? db.ChildminderProfiles : db.ChildminderProfiles.AsNoTracking();
        return profiles.FirstOrDefaultAsync(p => p.FacilityId == facility, ct);
    }
}
