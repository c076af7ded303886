using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Governance;
using Berceau.Domain.Schema;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema.Governance;

/// <summary>
/// The changes of the governance: each reads the form's text, goes through the domain's verbs, checks the version the form was
/// shown with (nothing is overwritten), writes its audit line and queues its e-mails in the same SaveChanges. The pages decide who
/// may call what (<see cref="GovernanceAccess"/>); these methods change only what they are given.
/// </summary>
public sealed class GovernanceEditing(BerceauDbContext db, GovernanceAccess access, GovernanceMail mail, AuditLog audit)
{
    public async Task<Outcome<Guid>> CreateBodyAsync(BodyInput input, IReadOnlyCollection<string> departements, CancellationToken ct)
    {
        var reader = new InputReader();
        var departement = input.Departement?.Trim();
        if (departement is null || !departements.Contains(departement)) reader.Add("schema-departement", nameof(input.Departement));
        var kind = Kind(input, reader);
        var axes = departement is null ? [] : await AxesAsync(departement, input.AxisIds, reader, ct);
        var created = GovernanceBody.Create(departement ?? "", kind, input.Name, input.Description, axes, access.Now);
        var problems = reader.Problems.Concat(created.Problems).ToList();
        if (problems.Count > 0) return Outcome<Guid>.Failure(problems);
        db.GovernanceBodies.Add(created.Value);
        audit.Record(GovernanceAudit.BodyCreated, GovernanceAudit.BodyEntity, created.Value.Id.ToString(), $"{created.Value.Kind.Label()} « {created.Value.Name} » ({departement})");
        var saved = await SaveAsync(ct);
        return saved.IsSuccess ? created.Value.Id : Outcome<Guid>.Failure(saved.Problems);
    }

    public async Task<Outcome<bool>> DescribeBodyAsync(GovernanceBody body, BodyInput input, CancellationToken ct)
    {
        if (input.Version != body.Version) return Concurrent();
        var reader = new InputReader();
        var kind = Kind(input, reader);
        var axes = await AxesAsync(body.DepartementCode, input.AxisIds, reader, ct);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var described = body.Describe(kind, input.Name, input.Description, axes);
        if (!described.IsSuccess) return described;
        audit.Record(GovernanceAudit.BodyChanged, GovernanceAudit.BodyEntity, body.Id.ToString(), $"{body.Kind.Label()} « {body.Name} »");
        return await SaveAsync(ct);
    }

    /// <summary>A member: an organisation of the département, a role, and optionally the person (name, e-mail; the account with that e-mail is found).</summary>
    public async Task<Outcome<bool>> AddMemberAsync(GovernanceBody body, BodyMemberInput input, CancellationToken ct)
    {
        if (input.Version != body.Version) return Concurrent();
        var reader = new InputReader();
        var organisation = await OrganisationAsync(body.DepartementCode, input.OrganisationId, nameof(input.OrganisationId), reader, required: false, ct);
        MemberRole? role = Enum.TryParse<MemberRole>(input.Role, out var r) && GovernanceLabels.Roles.Contains(r) ? r : null;
        var email = input.Email?.Trim();
        var userId = string.IsNullOrEmpty(email) ? null
            : await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var added = body.AddMember(organisation?.Id, role, input.PersonName, email, userId);
        // An unknown organisation is said once (not also « choisissez l'organisation »).
        var problems = reader.Problems.Concat(added.Problems.Where(p => !reader.HasProblem(p.Field))).ToList();
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        audit.Record(GovernanceAudit.MemberAdded, GovernanceAudit.BodyEntity, body.Id.ToString(), $"{organisation!.Name} ({added.Value.Role.Label()}) → {body.Name}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> RemoveMemberAsync(GovernanceBody body, RemoveMemberInput input, CancellationToken ct)
    {
        if (input.Version != body.Version) return Concurrent();
        var member = Guid.TryParse(input.MemberId, out var id) ? body.Members.FirstOrDefault(m => m.Id == id) : null;
        if (member is null) return Problem.Of("not-found", "");
        var name = await db.PartnerOrganisations.Where(o => o.Id == member.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        body.RemoveMember(member.Id);
        audit.Record(GovernanceAudit.MemberRemoved, GovernanceAudit.BodyEntity, body.Id.ToString(), $"{name} ({member.Role.Label()}) → {body.Name}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<Guid>> ScheduleAsync(GovernanceBody body, GovernanceMeetingInput input, CancellationToken ct)
    {
        var reader = new InputReader();
        var slot = Slot(input, reader);
        var scheduled = GovernanceMeeting.Schedule(body.Id, slot, Agenda(input), access.Today, access.Now);
        var problems = reader.Problems.Concat(scheduled.Problems.Where(p => slot is not null || p.Field != "Date")).ToList();
        if (problems.Count > 0) return Outcome<Guid>.Failure(problems);
        db.GovernanceMeetings.Add(scheduled.Value);
        audit.Record(GovernanceAudit.MeetingScheduled, GovernanceAudit.MeetingEntity, scheduled.Value.Id.ToString(), $"{body.Name} : {scheduled.Value.Date:yyyy-MM-dd}");
        var saved = await SaveAsync(ct);
        return saved.IsSuccess ? scheduled.Value.Id : Outcome<Guid>.Failure(saved.Problems);
    }

    /// <summary>
    /// Changes the meeting; when its day, hours or place changed after the members were invited, they get the updated invitation
    /// (same UID, next SEQUENCE) in the same unit of work.
    /// </summary>
    public async Task<Outcome<bool>> RescheduleAsync(GovernanceMeeting meeting, GovernanceBody body, GovernanceMeetingInput input, CancellationToken ct)
    {
        if (input.Version != meeting.Version) return Concurrent();
        var reader = new InputReader();
        var slot = Slot(input, reader);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var changed = meeting.Reschedule(slot, Agenda(input), access.Today);
        if (!changed.IsSuccess) return changed;
        var told = 0;
        if (meeting.InvitedSequence is not null && meeting.InvitationsOutdated)
        {
            told = await mail.QueueAsync(MeetingMessage.Invitation, meeting, body, ct);
            meeting.MarkInvited();
        }
        audit.Record(GovernanceAudit.MeetingChanged, GovernanceAudit.MeetingEntity, meeting.Id.ToString(), $"{body.Name} : {meeting.Date:yyyy-MM-dd}, {told} invitation(s) mise(s) à jour");
        return await SaveAsync(ct);
    }

    /// <summary>Sends the invitation of the current sequence to every member's address not invited with it yet.</summary>
    public async Task<Outcome<int>> InviteAsync(GovernanceMeeting meeting, GovernanceBody body, MeetingVersionInput input, CancellationToken ct)
    {
        if (input.Version != meeting.Version) return Problem.Of("concurrency", "");
        if (meeting.IsCancelled) return Problem.Of("gov-meeting-cancelled", "");
        if (meeting.Status == GovernanceMeetingStatus.Held || meeting.Date < access.Today) return Problem.Of("gov-meeting-past", "");
        if ((await mail.RecipientsAsync(body, ct)).Count == 0) return Problem.Of("gov-no-recipient", "");
        var sent = await mail.QueueAsync(MeetingMessage.Invitation, meeting, body, ct);
        meeting.MarkInvited();
        audit.Record(GovernanceAudit.InvitationsSent, GovernanceAudit.MeetingEntity, meeting.Id.ToString(), $"{body.Name} : {sent} invitation(s), séquence {meeting.Sequence}");
        var saved = await SaveAsync(ct);
        return saved.IsSuccess ? sent : Outcome<int>.Failure(saved.Problems);
    }

    /// <summary>Cancels the meeting; the members who were invited get the cancellation (METHOD:CANCEL).</summary>
    public async Task<Outcome<bool>> CancelAsync(GovernanceMeeting meeting, GovernanceBody body, CancelMeetingInput input, CancellationToken ct)
    {
        if (input.Version != meeting.Version) return Concurrent();
        var invited = meeting.InvitedSequence is not null;
        var cancelled = meeting.Cancel(input.Reason);
        if (!cancelled.IsSuccess) return cancelled;
        var told = invited ? await mail.QueueAsync(MeetingMessage.Cancellation, meeting, body, ct) : 0;
        if (invited) meeting.MarkInvited();
        audit.Record(GovernanceAudit.MeetingCancelled, GovernanceAudit.MeetingEntity, meeting.Id.ToString(), $"{body.Name} : {told} membre(s) prévenu(s) : {meeting.CancellationReason}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> RecordAttendanceAsync(GovernanceMeeting meeting, GovernanceBody body, MinutesInput input, CancellationToken ct)
    {
        if (input.Version != meeting.Version) return Concurrent();
        var reader = new InputReader();
        var lines = new List<AttendanceLine>();
        for (var i = 0; i < input.Attendance.Count; i++)
        {
            var line = input.Attendance[i];
            if (!Guid.TryParse(line.MemberId, out var member)) { reader.Add("unknown-value", $"Attendance[{i}].Presence"); continue; }
            if (string.IsNullOrWhiteSpace(line.Presence)) continue;
            if (!Enum.TryParse<Presence>(line.Presence, out var presence) || !GovernanceLabels.Presences.Contains(presence))
            {
                reader.Add("gov-presence", $"Attendance[{i}].Presence");
                continue;
            }
            lines.Add(new AttendanceLine(member, presence, line.RepresentedBy));
        }
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var recorded = meeting.RecordAttendance(lines, [.. body.Members.Select(m => m.Id)], input.Minutes, access.Today);
        if (!recorded.IsSuccess) return recorded;
        audit.Record(GovernanceAudit.AttendanceRecorded, GovernanceAudit.MeetingEntity, meeting.Id.ToString(),
            $"{body.Name} : {meeting.Attendance.Count(a => a.Presence == Presence.Present)} présent(s) sur {meeting.Attendance.Count}");
        return await SaveAsync(ct);
    }

    /// <summary>
    /// A decision of the meeting; with an owner and a due day it becomes a follow-up action, and with a fiche action and a state it
    /// is added to the fiche's « état d'avancement » (the day of the meeting, through <see cref="ActionSheet.RecordProgress"/>).
    /// </summary>
    public async Task<Outcome<bool>> DecideAsync(GovernanceMeeting meeting, GovernanceBody body, DecisionInput input, CancellationToken ct)
    {
        if (input.Version != meeting.Version) return Concurrent();
        var reader = new InputReader();
        var user = await access.UserAsync(ct);
        var owner = await OrganisationAsync(body.DepartementCode, input.OwnerId, nameof(input.OwnerId), reader, required: false, ct);
        var due = reader.Date(input.DueOn, nameof(input.DueOn));
        var wantsFollowUp = owner is not null || !string.IsNullOrWhiteSpace(input.DueOn) || !string.IsNullOrWhiteSpace(input.FollowUpTitle);
        ActionSheet? sheet = null;
        if (!string.IsNullOrWhiteSpace(input.SheetId))
        {
            sheet = Guid.TryParse(input.SheetId, out var sid) ? await SheetAsync(body.DepartementCode, new ActionSheetId(sid), ct) : null;
            if (sheet is null) reader.Add("unknown-value", nameof(input.SheetId));
        }
        ProgressState? state = null;
        if (!string.IsNullOrWhiteSpace(input.SheetState))
        {
            if (Enum.TryParse<ProgressState>(input.SheetState, out var st) && ProgressStates.All.Contains(st)) state = st;
            else reader.Add("schema-progress-state", nameof(input.SheetState));
        }
        if (sheet is not null && state is null && !reader.HasProblem(nameof(input.SheetState))) reader.Add("schema-progress-state", nameof(input.SheetState));
        var decided = meeting.Decide(input.Text, access.Today, access.Now, user.UserId);
        var problems = reader.Problems.Concat(decided.Problems).ToList();
        DecisionFollowUp? action = null;
        if (decided.IsSuccess && wantsFollowUp)
        {
            var created = DecisionFollowUp.Create(body.DepartementCode, body.Id, meeting.Id, decided.Value, input.FollowUpTitle, owner?.Id,
                reader.HasProblem(nameof(input.DueOn)) ? meeting.Date : due, meeting.Date, sheet?.Id, access.Now);
            problems.AddRange(created.Problems.Where(p => !(p.Field == nameof(input.OwnerId) && reader.HasProblem(nameof(input.OwnerId)))));
            if (created.IsSuccess) action = created.Value;
        }
        if (decided.IsSuccess && sheet is not null && state is not null && problems.Count == 0)
        {
            var comment = $"Décision de « {body.Name} » du {meeting.Date:dd/MM/yyyy} : {decided.Value.Text}";
            if (comment.Length > ProgressUpdate.MaxCommentLength) comment = comment[..(ProgressUpdate.MaxCommentLength - 1)] + "…";
            var progress = sheet.RecordProgress(meeting.Date, state, comment, access.Today, access.Now, user.UserId);
            problems.AddRange(progress.Problems.Select(p => p with { Field = nameof(input.SheetState) }));
            if (progress.IsSuccess) audit.Record(SchemaAudit.ProgressRecorded, SchemaAudit.SheetEntity, sheet.Id.ToString(), $"fiche {sheet.Number} : {state.Value.Label()} (décision d’instance)");
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<bool>.Failure(problems);
        }
        audit.Record(GovernanceAudit.DecisionRecorded, GovernanceAudit.MeetingEntity, meeting.Id.ToString(), $"{body.Name} : décision {decided.Value.Number}");
        if (action is not null)
        {
            db.DecisionFollowUps.Add(action);
            audit.Record(GovernanceAudit.FollowUpCreated, GovernanceAudit.FollowUpEntity, action.Id.ToString(), $"{owner!.Name}, échéance {action.DueOn:yyyy-MM-dd}");
        }
        return await SaveAsync(ct);
    }

    /// <summary>A document of the meeting, with the checks of the pièces justificatives (type read from the bytes, 5 Mo at most).</summary>
    public async Task<Outcome<bool>> AddDocumentAsync(GovernanceMeeting meeting, GovernanceBody body, DocumentInput input, IFormFile? file, CancellationToken ct)
    {
        var reader = new InputReader();
        var title = reader.Text(input.Title, nameof(input.Title), MeetingDocument.MaxTitleLength, required: true);
        var upload = await CheckedUpload.ReadAsync(file, "Upload", ct);
        foreach (var p in upload.Problems) reader.Add(p);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var (content, contentType) = upload.Value;
        var user = await access.UserAsync(ct);
        var document = new MeetingDocument
        {
            MeetingId = meeting.Id, Title = title!, FileName = Proofs.SafeFileName(file!.FileName, contentType), ContentType = contentType,
            Size = content.Length, Content = content, UploadedAt = access.Now, UploadedBy = user.UserId,
        };
        db.GovernanceDocuments.Add(document);
        audit.Record(GovernanceAudit.DocumentAdded, GovernanceAudit.MeetingEntity, meeting.Id.ToString(), $"{body.Name} : {document.Title} ({document.Size} octets, {contentType})");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> ReportAsync(DecisionFollowUp action, FollowUpReportInput input, CancellationToken ct)
    {
        if (input.Version != action.Version) return Concurrent();
        FollowUpStatus? status = Enum.TryParse<FollowUpStatus>(input.Status, out var s) && GovernanceLabels.Statuses.Contains(s) ? s : null;
        var user = await access.UserAsync(ct);
        var reported = action.Report(status, input.Comment, access.Now, user.UserId);
        if (!reported.IsSuccess) return reported;
        audit.Record(GovernanceAudit.FollowUpReported, GovernanceAudit.FollowUpEntity, action.Id.ToString(), $"{action.Status.Label()}");
        return await SaveAsync(ct);
    }

    private static GovernanceKind? Kind(BodyInput input, InputReader reader)
    {
        if (Enum.TryParse<GovernanceKind>(input.Kind, out var k) && GovernanceLabels.Kinds.Contains(k)) return k;
        if (!string.IsNullOrWhiteSpace(input.Kind)) reader.Add("gov-kind", nameof(input.Kind));
        return null;
    }

    /// <summary>The axes chosen, each an axe of a schéma of the département.</summary>
    private async Task<IReadOnlyCollection<Guid>> AxesAsync(string departement, IEnumerable<string> values, InputReader reader, CancellationToken ct)
    {
        var chosen = new List<Guid>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (Guid.TryParse(value, out var id)) chosen.Add(id);
            else reader.Add("unknown-value", "AxisIds");
        }
        if (chosen.Count == 0) return chosen;
        var known = await db.SchemaAxes.AsNoTracking().Where(a => chosen.Contains(a.Id))
            .Join(db.Schemas, a => a.SchemaId, s => s.Id, (a, s) => new { a.Id, s.DepartementCode }).Where(x => x.DepartementCode == departement)
            .Select(x => x.Id).ToListAsync(ct);
        if (chosen.Any(c => !known.Contains(c))) reader.Add("unknown-value", "AxisIds");
        return [.. chosen.Where(known.Contains)];
    }

    private async Task<PartnerOrganisation?> OrganisationAsync(string departement, string? value, string field, InputReader reader, bool required, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) reader.Add("schema-organisation-choose", field);
            return null;
        }
        var organisation = Guid.TryParse(value, out var id)
            ? await db.PartnerOrganisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new PartnerOrganisationId(id) && o.DepartementCode == departement, ct)
            : null;
        if (organisation is null) reader.Add("unknown-value", field);
        return organisation;
    }

    private async Task<ActionSheet?> SheetAsync(string departement, ActionSheetId id, CancellationToken ct)
    {
        var sheet = await db.ActionSheets.Include(s => s.Updates).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return null;
        return await db.Schemas.AnyAsync(s => s.Id == sheet.SchemaId && s.DepartementCode == departement, ct) ? sheet : null;
    }

    private static MeetingSlot? Slot(GovernanceMeetingInput input, InputReader reader)
    {
        var date = reader.Date(input.Date, nameof(input.Date), required: true);
        var starts = reader.Time(input.StartsAt, nameof(input.StartsAt));
        if (string.IsNullOrWhiteSpace(input.StartsAt)) reader.Add("reunion-time-required", nameof(input.StartsAt));
        var ends = reader.Time(input.EndsAt, nameof(input.EndsAt));
        if (string.IsNullOrWhiteSpace(input.EndsAt)) reader.Add("reunion-time-required", nameof(input.EndsAt));
        if (date is null || starts is null || ends is null) return null;
        return new MeetingSlot(date.Value, starts.Value, ends.Value, input.Place, input.VideoLink);
    }

    private static IReadOnlyList<string> Agenda(GovernanceMeetingInput input) =>
        (input.Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // A unique index (a decision number, an invitation already queued): someone did the same at the same moment.
    private Task<Outcome<bool>> SaveAsync(CancellationToken ct) => SchemaEditing.SaveAsync(db, "gov-taken-meanwhile", ct);

    private static Outcome<bool> Concurrent() => Problem.Of("concurrency", "");
}
