using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// A decision of a meeting (/pro/schema/reunions/{id}/decisions/nouvelle): the secretariat, from the meeting's day. With an owner
/// and a due day it becomes a follow-up action; with a fiche action and a state it is added to the fiche's « état d'avancement ».
/// </summary>
public sealed class DecisionModel(GovernanceAccess access, GovernanceEditing editing, GovernanceQueries queries) : SecretariatMeetingPage(access)
{
    [BindProperty] public DecisionInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SheetItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } refused) return refused;
        Input = new DecisionInput { Version = Meeting.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } refused) return refused;
        ModelState.Clear();
        return Saved(await editing.DecideAsync(Meeting, Body, Input, ct), "La décision est enregistrée.", nameof(Input));
    }

    protected override async Task LoadedAsync(CancellationToken ct)
    {
        OrganisationItems = await queries.OrganisationItemsAsync(Body.DepartementCode, ct);
        SheetItems = await queries.SheetItemsAsync(Body.DepartementCode, ct);
    }
}
