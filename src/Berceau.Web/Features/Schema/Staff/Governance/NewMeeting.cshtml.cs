using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>The fields the meeting partial binds.</summary>
public interface IMeetingFormPage
{
    GovernanceMeetingInput Input { get; }
}

/// <summary>Schedules a meeting of an instance (/pro/schema/instances/{id}/reunions/nouvelle): the secretariat only.</summary>
public sealed class NewMeetingModel(GovernanceAccess access, GovernanceEditing editing) : PageModel, IMeetingFormPage
{
    [BindProperty] public GovernanceMeetingInput Input { get; set; } = new();
    public GovernanceBody Body { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is not null) return result;
        Input = new GovernanceMeetingInput { StartsAt = "14:00", EndsAt = "16:00" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, ct);
        if (result is not null) return result;
        ModelState.Clear();
        var scheduled = await editing.ScheduleAsync(Body, Input, ct);
        if (scheduled.IsSuccess)
        {
            TempData[MeetingModel.MessageKey] = "La réunion est planifiée. Envoyez les invitations quand l’ordre du jour est prêt.";
            return Redirect(GovernanceFeature.MeetingPath(scheduled.Value));
        }
        ModelState.AddProblems(scheduled.Problems, nameof(Input));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var body = await access.BodyAsync(id, tracked: false, ct);
        if (body is null) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(body.DepartementCode)) return Forbid();
        Body = body;
        return null;
    }
}
