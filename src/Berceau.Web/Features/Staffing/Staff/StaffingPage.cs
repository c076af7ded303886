using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Staffing.Staff;

/// <summary>
/// What the staffing pages share: the facility, loaded and checked on GET and on POST. The director of the structure, and the
/// agents and admins of its territory, may see and change its staffing (<see cref="FacilityAccess.CanEdit"/>); anyone else gets
/// 403, an unknown facility 404.
/// </summary>
[Authorize(Policy = WebServices.StaffPolicy)]
public abstract class StaffingPage(CurrentStaff staff, FacilityQueries queries) : PageModel
{
    public Facility Facility { get; private set; } = null!;
    public StaffMember Member { get; private set; } = null!;

    public string BasePath => $"{StaffingFeature.StaffPathOf(Facility.Id.Value)}";

    public IReadOnlyList<Section> Sections => [.. Facility.Sections.OrderBy(s => s.MinAgeMonths).ThenBy(s => s.Name)];

    protected async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var facility = await queries.FindAsync(id, tracked, ct);
        if (facility is null) return NotFound();
        if (!FacilityAccess.CanEdit(user, facility)) return Forbid();
        (Facility, Member) = (facility, user);
        return null;
    }

    /// <summary>Forms only exist for collective structures (EAJE): the others have no staffing table.</summary>
    protected async Task<IActionResult?> LoadCollectiveAsync(Guid id, bool tracked, CancellationToken ct) =>
        await LoadAsync(id, tracked, ct) ?? (Facility.Mode.IsCollective() ? null : NotFound());
}
