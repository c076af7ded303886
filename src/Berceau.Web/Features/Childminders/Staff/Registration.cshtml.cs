using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Staff;

/// <summary>An agent of the commune checks a self-registration: attaches it to the childminder's facility, or refuses with a reason.</summary>
public sealed class RegistrationModel(CurrentStaff staff, BerceauDbContext db, ChildminderAccounts accounts,
    UserManager<Data.Identity.BerceauUser> users) : PageModel
{
    public sealed record DecisionInput
    {
        public int Version { get; init; }
        public Guid? FacilityId { get; init; }
        public string? Reason { get; init; }
    }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ChildminderRegistration Registration { get; private set; } = null!;
    public string? Email { get; private set; }
    public string CommuneName { get; private set; } = "";
    public IReadOnlyList<SelectListItem> Facilities { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        Input = new DecisionInput { Version = Registration.Version, FacilityId = Input.FacilityId };
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var problems = await accounts.AcceptRegistrationAsync(await FacilityAccess.CurrentAsync(staff, ct), Registration, Input.Version, Input.FacilityId, ct);
        return Answer(problems, "L’inscription est acceptée : le compte est rattaché à l’agrément et la personne est prévenue.");
    }

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var problems = await accounts.RefuseRegistrationAsync(await FacilityAccess.CurrentAsync(staff, ct), Registration, Input.Version, Input.Reason, ct);
        return Answer(problems, "L’inscription est refusée : la personne reçoit le motif.");
    }

    private IActionResult Answer(IReadOnlyList<Domain.Common.Problem> problems, string done)
    {
        if (problems.Count > 0)
        {
            if (problems.Any(p => p.Code == "forbidden")) return Forbid();
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        Done = done;
        return Redirect($"{ChildmindersFeature.StaffPath}/inscriptions/{Registration.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var query = tracked ? db.ChildminderRegistrations : db.ChildminderRegistrations.AsNoTracking();
        var registration = await query.FirstOrDefaultAsync(r => r.Id == id, ct);
        // Another commune's registration is "not found": an agent does not learn who registered elsewhere.
        if (registration is null || !ChildminderAccounts.CanManage(user, registration.CommuneCode)) return NotFound();
        Registration = registration;
        Email = (await users.FindByIdAsync(registration.UserId))?.Email;
        CommuneName = await db.Communes.Where(c => c.Code == registration.CommuneCode).Select(c => c.Name).FirstAsync(ct);
        var candidates = await db.Facilities.AsNoTracking()
            .Where(f => f.CommuneCode == registration.CommuneCode && (f.Mode == CareMode.AssistantMaternel || f.Mode == CareMode.Mam) && f.ClosedOn == null)
            .OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name, Number = f.Agrement == null ? null : f.Agrement.Number })
            .ToListAsync(ct);
        var wanted = Normalise(registration.AgrementNumber);
        var match = candidates.FirstOrDefault(c => c.Number is not null && Normalise(c.Number) == wanted);
        var selected = Input.FacilityId ?? match?.Id.Value;
        Facilities = [.. candidates
            .OrderByDescending(c => c == match)
            .Select(c => new SelectListItem($"{c.Name} — agrément {c.Number ?? "non renseigné"}{(c == match ? " (même numéro)" : "")}",
                c.Id.ToString(), c.Id.Value == selected))];
        if (Input.FacilityId is null && match is not null) Input = Input with { FacilityId = match.Id.Value };
        return null;
    }

    private static string Normalise(string number) => new([.. number.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
