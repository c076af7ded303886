using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// A meeting (/pro/schema/reunions/{id}): when and where, the agenda, who came, the minutes, the decisions and their follow-up,
/// the documents. The secretariat sends the invitations (e-mail with an iCalendar file), cancels, adds documents; the members of
/// the instance read and download.
/// </summary>
[RequestSizeLimit(2 * Proofs.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * Proofs.MaxBytes)]
public sealed class MeetingModel(GovernanceAccess access, GovernanceEditing editing, GovernanceQueries queries, GovernanceMail mail) : PageModel
{
    public const string MessageKey = "governance-meeting-message";

    public GovernanceMeeting Meeting { get; private set; } = null!;
    public GovernanceBody Body { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<DecisionFollowUp> FollowUps { get; private set; } = [];
    public IReadOnlyDictionary<Domain.Schema.PartnerOrganisationId, string> Organisations { get; private set; } = new Dictionary<Domain.Schema.PartnerOrganisationId, string>();
    public int Recipients { get; private set; }
    public bool IsSecretariat { get; private set; }
    public bool HasBegun { get; private set; }
    public DateOnly Today => access.Today;

    [BindProperty] public MeetingVersionInput Invitation { get; set; } = new();
    [BindProperty] public CancelMeetingInput Cancellation { get; set; } = new();
    [BindProperty] public DocumentInput Document { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await access.MeetingAsync(id, tracked: false, ct);
        return found is { } f ? await ShowAsync(f.Meeting, f.Body, ct) : NotFound();
    }

    public Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Invitation), async (m, b) =>
        {
            var sent = await editing.InviteAsync(m, b, Invitation, ct);
            if (sent.IsSuccess) Message = sent.Value == 0 ? "Tous les membres avaient déjà reçu cette invitation." : $"{sent.Value} invitation(s) envoyée(s), avec le fichier d’agenda (.ics).";
            return sent.IsSuccess ? true : Outcome<bool>.Failure(sent.Problems);
        }, null, ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Cancellation), (m, b) => editing.CancelAsync(m, b, Cancellation, ct), "La réunion est annulée ; les membres invités sont prévenus.", ct);

    public Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Document), (m, b) => editing.AddDocumentAsync(m, b, Document, Upload, ct), "Le document est ajouté.", ct);

    private async Task<IActionResult> ActAsync(Guid id, string prefix, Func<GovernanceMeeting, GovernanceBody, Task<Outcome<bool>>> act, string? done, CancellationToken ct)
    {
        var found = await access.MeetingAsync(id, tracked: true, ct);
        if (found is not { } f) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(f.Body.DepartementCode)) return Forbid();
        ModelState.Clear();
        var outcome = await act(f.Meeting, f.Body);
        if (outcome.IsSuccess)
        {
            if (done is not null) Message = done;
            return Redirect(GovernanceFeature.MeetingPath(id));
        }
        // The file field is « Upload », outside the prefix.
        ModelState.AddProblems(outcome.Problems.Where(p => p.Field != "Upload"), prefix);
        foreach (var p in outcome.Problems.Where(p => p.Field == "Upload")) ModelState.AddModelError(nameof(Upload), p.Message);
        var fresh = await access.MeetingAsync(id, tracked: false, ct);
        return fresh is { } r ? await ShowAsync(r.Meeting, r.Body, ct) : NotFound();
    }

    private async Task<IActionResult> ShowAsync(GovernanceMeeting meeting, GovernanceBody body, CancellationToken ct)
    {
        (Meeting, Body) = (meeting, body);
        IsSecretariat = (await access.UserAsync(ct)).IsSecretariatOf(body.DepartementCode);
        HasBegun = meeting.Date <= access.Today;
        Members = await queries.MembersAsync(body, ct);
        Documents = await queries.DocumentsAsync(meeting.Id, ct);
        FollowUps = await queries.FollowUpsOfMeetingAsync(meeting.Id, ct);
        Organisations = await queries.OrganisationNamesAsync(body.DepartementCode, ct);
        if (IsSecretariat) Recipients = (await mail.RecipientsAsync(body, ct)).Count;
        Invitation.Version = Cancellation.Version = meeting.Version;
        return Page();
    }
}
