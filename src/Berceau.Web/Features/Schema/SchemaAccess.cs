using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Schema;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema;

/// <summary>
/// The signed-in person as the schéma sees them. The CDSF secretariat (role pilotage, or admin, with the département in their
/// territory) runs the schéma: periods, axes, fiches, pilots, publication, organisations. A member of a partner organisation updates
/// the fiches its organisation pilots or co-pilots, and nothing else. Other staff of the département read. Anyone else finds nothing.
/// </summary>
public sealed record SchemaUser(string UserId, TerritoryScope Scope, bool Steers, IReadOnlyList<(PartnerOrganisationId Id, string Departement)> Organisations)
{
    public bool IsSecretariatOf(string departement) => Steers && Scope.Departements.Contains(departement);

    public IReadOnlyList<PartnerOrganisationId> OrganisationsIn(string departement) =>
        [.. Organisations.Where(o => o.Departement == departement).Select(o => o.Id)];

    public bool CanRead(string departement) => Scope.Departements.Contains(departement) || Organisations.Any(o => o.Departement == departement);

    /// <summary>The départements whose schémas the person may open.</summary>
    public IReadOnlySet<string> Departements => Scope.Departements.Concat(Organisations.Select(o => o.Departement)).ToHashSet();

    public bool CanEdit(ActionSheet sheet, string departement) =>
        IsSecretariatOf(departement) || sheet.IsPilotedBy(OrganisationsIn(departement));
}

public sealed class SchemaAccess(BerceauDbContext db, CurrentStaff staff, TimeProvider clock)
{
    private SchemaUser? _user;

    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => ParisTime.DayOf(Now);

    public async Task<SchemaUser> UserAsync(CancellationToken ct)
    {
        if (_user is not null) return _user;
        var principal = staff.User;
        var userId = staff.UserId ?? "";
        if (userId.Length == 0 || !Roles.Staff.Any(principal.IsInRole))
            return _user = new SchemaUser("", TerritoryScope.Empty, false, []);
        var organisations = await db.PartnerMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.PartnerOrganisations, m => m.OrganisationId, o => o.Id, (m, o) => new { o.Id, o.DepartementCode })
            .ToListAsync(ct);
        return _user = new SchemaUser(userId, await staff.ScopeAsync(ct), principal.IsInRole(Roles.Steering) || principal.IsInRole(Roles.Admin),
            [.. organisations.Select(o => (o.Id, o.DepartementCode))]);
    }

    /// <summary>The schéma with its axes if the person may read it; null (404) otherwise, as if it did not exist.</summary>
    public async Task<Sdsf?> SchemaAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var user = await UserAsync(ct);
        var schemas = tracked ? db.Schemas : db.Schemas.AsNoTracking();
        var schema = await schemas.Include(s => s.Axes).FirstOrDefaultAsync(s => s.Id == new SdsfId(id), ct);
        return schema is not null && user.CanRead(schema.DepartementCode) ? schema : null;
    }

    /// <summary>The fiche, its schéma and everything it holds, if the person may read the schéma; null (404) otherwise.</summary>
    public async Task<(ActionSheet Sheet, Sdsf Schema)?> SheetAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var sheets = tracked ? db.ActionSheets : db.ActionSheets.AsNoTracking();
        var sheet = await sheets.Include(s => s.CoPilots).Include(s => s.Indicators).Include(s => s.PlannedPlaces).Include(s => s.Updates)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == new ActionSheetId(id), ct);
        if (sheet is null) return null;
        var schema = await SchemaAsync(sheet.SchemaId.Value, tracked, ct);
        return schema is null ? null : (sheet, schema);
    }
}
