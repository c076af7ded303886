using Berceau.Domain.Common;
using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// An instance (/pro/schema/instances/{id}): its members and meetings. The secretariat adds and removes members and schedules
/// meetings; members of the instance's organisations read.
/// </summary>
public sealed class BodyModel(GovernanceAccess access, GovernanceEditing editing, GovernanceQueries queries) : PageModel
{
    public const string MessageKey = "governance-message";

    public GovernanceBody Body { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public IReadOnlyList<string> Axes { get; private set; } = [];
    public bool IsSecretariat { get; private set; }

    [BindProperty] public BodyMemberInput Member { get; set; } = new();
    [BindProperty] public RemoveMemberInput Removal { get; set; } = new();
    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var body = await access.BodyAsync(id, tracked: false, ct);
        return body is null ? NotFound() : await ShowAsync(body, ct);
    }

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Member), body => editing.AddMemberAsync(body, Member, ct), "Le membre est ajouté.", ct);

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Removal), body => editing.RemoveMemberAsync(body, Removal, ct), "Le membre est retiré de l’instance.", ct);

    private async Task<IActionResult> ActAsync(Guid id, string prefix, Func<GovernanceBody, Task<Outcome<bool>>> act, string done, CancellationToken ct)
    {
        var body = await access.BodyAsync(id, tracked: true, ct);
        if (body is null) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(body.DepartementCode)) return Forbid();
        ModelState.Clear();
        var outcome = await act(body);
        if (outcome.IsSuccess)
        {
            Message = done;
            return Redirect(GovernanceFeature.BodyPath(id));
        }
        ModelState.AddProblems(outcome.Problems, prefix);
        var fresh = await access.BodyAsync(id, tracked: false, ct);
        return fresh is null ? NotFound() : await ShowAsync(fresh, ct);
    }

    private async Task<IActionResult> ShowAsync(GovernanceBody body, CancellationToken ct)
    {
        Body = body;
        IsSecretariat = (await access.UserAsync(ct)).IsSecretariatOf(body.DepartementCode);
        Members = await queries.MembersAsync(body, ct);
        Meetings = await queries.MeetingsAsync(body.Id, ct);
        var axes = (await queries.AxisItemsAsync(body.DepartementCode, ct)).ToDictionary(a => a.Value, a => a.Text);
        Axes = [.. body.Axes.Select(a => axes.GetValueOrDefault(a.AxisId.ToString())).OfType<string>().Order(StringComparer.CurrentCulture)];
        if (IsSecretariat) OrganisationItems = await queries.OrganisationItemsAsync(body.DepartementCode, ct);
        Member.Version = Removal.Version = body.Version;
        return Page();
    }
}
