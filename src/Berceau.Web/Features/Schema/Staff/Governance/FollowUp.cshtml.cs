using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// A follow-up action (/pro/schema/suivi/{id}): the decision it comes from, its owner, due day and state; the owner's members and
/// the secretariat report on it. Others who read the instance see it; anyone else finds nothing.
/// </summary>
public sealed class FollowUpModel(GovernanceAccess access, GovernanceQueries queries) : PageModel
{
    public const string MessageKey = "governance-followup-message";

    [BindProperty] public FollowUpReportInput Input { get; set; } = new();
    public DecisionFollowUp Action { get; private set; } = null!;
    public GovernanceBody Body { get; private set; } = null!;
    public MeetingDecision? Decision { get; private set; }
    public DateOnly MeetingDate { get; private set; }
    public string Owner { get; private set; } = "";
    public bool CanReport { get; private set; }
    public bool Overdue { get; private set; }
    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FollowUpAsync(id, tracked: false, ct);
        if (found is not { } f) return NotFound();
        await ShowAsync(f.Action, f.Body, ct);
        Input = new FollowUpReportInput { Version = f.Action.Version, Status = f.Action.Status.ToString(), Comment = f.Action.Comment };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] GovernanceEditing editing, CancellationToken ct)
    {
        var found = await access.FollowUpAsync(id, tracked: true, ct);
        if (found is not { } f) return NotFound();
        if (!GovernanceAccess.CanReport(await access.UserAsync(ct), f.Action)) return Forbid();
        ModelState.Clear();
        var saved = await editing.ReportAsync(f.Action, Input, ct);
        if (saved.IsSuccess)
        {
            Message = "L’état de l’action est enregistré.";
            return Redirect(GovernanceFeature.FollowUpPath(id));
        }
        ModelState.AddProblems(saved.Problems, nameof(Input));
        var fresh = await access.FollowUpAsync(id, tracked: false, ct);
        if (fresh is not { } r) return NotFound();
        await ShowAsync(r.Action, r.Body, ct);
        return Page();
    }

    private async Task ShowAsync(DecisionFollowUp action, GovernanceBody body, CancellationToken ct)
    {
        (Action, Body) = (action, body);
        var user = await access.UserAsync(ct);
        CanReport = GovernanceAccess.CanReport(user, action);
        Overdue = action.IsOverdue(access.Today);
        Owner = (await queries.OrganisationNamesAsync(action.DepartementCode, ct)).GetValueOrDefault(action.OwnerId, "");
        var meeting = await access.MeetingAsync(action.MeetingId, tracked: false, ct);
        Decision = meeting?.Meeting.Decisions.FirstOrDefault(d => d.Id == action.DecisionId);
        MeetingDate = meeting?.Meeting.Date ?? default;
    }
}
