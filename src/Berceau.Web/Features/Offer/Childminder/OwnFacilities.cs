using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Childminder;

/// <summary>
/// Which agrément a childminder's page is about: the one asked for if it is the account's own (else forbidden), or the only
/// one the account has; several and none asked gives the list to choose from. The account's facility grants are its agréments.
/// </summary>
public static class OwnFacilities
{
    public sealed record Choice(FacilityId? Chosen, IReadOnlyList<(Guid Id, string Name)> Options, bool Forbidden);

    public static async Task<Choice> ChooseAsync(CurrentStaff account, BerceauDbContext db, Guid? asked, CancellationToken ct)
    {
        var own = (await account.ScopeAsync(ct)).Facilities.Select(f => new FacilityId(f)).ToList();
        var mine = await db.Facilities.AsNoTracking()
            .Where(f => own.Contains(f.Id) && (f.Mode == CareMode.AssistantMaternel || f.Mode == CareMode.Mam))
            .OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name })
            .ToListAsync(ct);
        var options = mine.Select(f => (f.Id.Value, f.Name)).ToList();
        if (asked is { } id)
            return mine.Any(f => f.Id.Value == id) ? new Choice(new FacilityId(id), options, false) : new Choice(null, options, true);
        return new Choice(mine.Count == 1 ? mine[0].Id : null, options, false);
    }

    /// <summary>Self-registered and not attached yet: the page says the relais is checking the agrément.</summary>
    public static Task<bool> RegistrationPendingAsync(CurrentStaff account, BerceauDbContext db, CancellationToken ct)
    {
        var user = account.UserId;
        return db.ChildminderRegistrations.AnyAsync(r => r.UserId == user && r.Status == Domain.Childminders.RegistrationStatus.Pending, ct);
    }
}
