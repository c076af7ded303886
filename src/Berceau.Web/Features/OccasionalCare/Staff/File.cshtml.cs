using Berceau.Data;
using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>One family's file: the child, the household for the PSU fee; the guichet says complete or what is missing.</summary>
public sealed class FileModel(OccasionalAccess access, BerceauDbContext db, ChildFiles files, AuditLog audit) : PageModel
{
    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public OccasionalChild Child { get; private set; } = null!;
    public string? Message => TempData[FacilityModel.MessageKey] as string;

    public static IEnumerable<SelectListItem> DecisionItems =>
        [new("Dossier complet pour l’accueil occasionnel", "complete"), new("Dossier incomplet", "incomplete")];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = new ReviewInput { Version = Child.Version };
        await audit.RecordReadAsync(OccasionalAudit.ChildEntity, Child.Id.ToString(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var email = await db.Users.Where(u => u.Id == Child.FamilyUserId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
        var problems = await files.ReviewAsync(Child, Input, access.UserName, email, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData[FacilityModel.MessageKey] = $"Le dossier est enregistré : {Child.Status.Label().ToLowerInvariant()}.";
        return Redirect($"{OccasionalCareFeature.StaffPath}/dossiers/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await db.OccasionalChildren.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null) return NotFound();
        if (!await access.CanReviewAsync(child.CommuneCode, ct)) return Forbid();
        Child = child;
        return null;
    }
}
