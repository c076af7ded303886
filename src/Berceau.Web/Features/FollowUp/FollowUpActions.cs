using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.FollowUp.Solutions;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp;

/// <summary>
/// What an agent does on a case: open it, log a call, an appointment or the solution found, plan the next action, close it with
/// its outcome, reopen it, send the « solutions » letter. Each goes through the case's verbs and its version (a second agent on
/// the same case is told, nothing is overwritten) and writes its audit line in the same SaveChanges.
/// </summary>
public sealed class FollowUpActions(BerceauDbContext db, FollowUpAccess access, AuditLog audit, SolutionsLetters letters, Notifier notifier, PublicLinks links)
{
    public const string NotificationKind = "solutions";

    private Applications.Staff.CaseworkAccess Casework => access.Casework;

    /// <summary>Opens a case for an application of the territory; null when the application is not found (404).</summary>
    public async Task<Outcome<FollowUpCaseId>?> OpenAsync(Guid applicationId, OpenInput input, CancellationToken ct)
    {
        var application = await Casework.FindAsync(applicationId, tracked: false, ct);
        if (application is null) return null;
        if (application.ErasedAt is not null) return Problem.Of("followup-erased", "");
        if (await db.FollowUpCases.AnyAsync(c => c.ApplicationId == application.Id && c.Status == FollowUpStatus.Open, ct))
            return Problem.Of("followup-already-open", "");
        var opened = FollowUpCase.OpenByAgent(application.Id, application.CommuneCode, input.Reason, Casework.Today, Casework.Now, Casework.UserId);
        if (!opened.IsSuccess) return Outcome<FollowUpCaseId>.Failure(opened.Problems);
        db.FollowUpCases.Add(opened.Value);
        audit.Record(FollowUpAudit.Opened, FollowUpAudit.EntityType, opened.Value.Id.ToString(), $"{application.Reference} : {opened.Value.Actions[0].Note}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: another agent opened one at the same moment.
            db.ChangeTracker.Clear();
            return Problem.Of("followup-already-open", "");
        }
        return opened.Value.Id;
    }

    public async Task<Outcome<bool>> RecordAsync(FollowUpCase c, ActionInput input, CancellationToken ct)
    {
        if (input.Version != c.Version) return Concurrent<bool>();
        var reader = new InputReader();
        FollowUpActionKind? kind = Enum.TryParse<FollowUpActionKind>(input.Kind, out var k) && k is FollowUpActionKind.Call or FollowUpActionKind.Appointment
            or FollowUpActionKind.SolutionFound ? k : null;
        if (kind is null) reader.Add("followup-action-kind", nameof(input.Kind));
        var on = reader.Date(input.On, nameof(input.On), required: true);
        var note = reader.Text(input.Note, nameof(input.Note), FollowUpCase.MaxNoteLength);
        if (kind == FollowUpActionKind.SolutionFound && note is null) reader.Add("followup-solution-what", nameof(input.Note));
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var recorded = c.Record(kind!.Value, on!.Value, note, Casework.Today, Casework.Now, Casework.UserId);
        if (!recorded.IsSuccess) return Outcome<bool>.Failure(recorded.Problems);
        audit.Record(FollowUpAudit.ActionRecorded, FollowUpAudit.EntityType, c.Id.ToString(), $"{kind.Value.Label()} du {OfferDisplay.Date(on.Value)}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> PlanAsync(FollowUpCase c, PlanInput input, CancellationToken ct)
    {
        if (input.Version != c.Version) return Concurrent<bool>();
        var reader = new InputReader();
        FollowUpStep? step = Enum.TryParse<FollowUpStep>(input.Step, out var s) && Enum.IsDefined(s) ? s : null;
        if (step is null) reader.Add("followup-step-missing", nameof(input.Step));
        var due = reader.Date(input.Due, nameof(input.Due));
        if (due < Casework.Today) reader.Add("followup-due-past", nameof(input.Due));
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var planned = c.Plan(step, due, Casework.Today);
        if (!planned.IsSuccess) return planned;
        audit.Record(FollowUpAudit.Planned, FollowUpAudit.EntityType, c.Id.ToString(), $"{step!.Value.Label()} avant le {OfferDisplay.Date(due)}");
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> CloseAsync(FollowUpCase c, CloseInput input, CancellationToken ct)
    {
        if (input.Version != c.Version) return Concurrent<bool>();
        var reader = new InputReader();
        FollowUpOutcome? outcome = Enum.TryParse<FollowUpOutcome>(input.Outcome, out var o) && Enum.IsDefined(o) ? o : null;
        var on = reader.Date(input.On, nameof(input.On), required: true);
        var note = reader.Text(input.Note, nameof(input.Note), FollowUpCase.MaxNoteLength);
        if (outcome is null) reader.Add("followup-outcome-missing", nameof(input.Outcome));
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        var closed = c.Close(outcome, on!.Value, note, Casework.Today, Casework.Now, Casework.UserId);
        if (!closed.IsSuccess) return Outcome<bool>.Failure(closed.Problems);
        audit.Record(FollowUpAudit.Closed, FollowUpAudit.EntityType, c.Id.ToString(), outcome!.Value.Label());
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> ReopenAsync(FollowUpCase c, ReopenInput input, CancellationToken ct)
    {
        if (input.Version != c.Version) return Concurrent<bool>();
        if (c.Status == FollowUpStatus.Closed
            && await db.FollowUpCases.AnyAsync(o => o.ApplicationId == c.ApplicationId && o.Status == FollowUpStatus.Open && o.Id != c.Id, ct))
            return Problem.Of("followup-already-open", "");
        var reopened = c.Reopen(input.Reason, Casework.Today, Casework.Now, Casework.UserId);
        if (!reopened.IsSuccess) return Outcome<bool>.Failure(reopened.Problems);
        audit.Record(FollowUpAudit.Reopened, FollowUpAudit.EntityType, c.Id.ToString(), reopened.Value.Note);
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Sends the letter to the family's account (e-mail through the outbox and a notification in its account) and logs « solutions
    /// envoyées » on the case, in one SaveChanges. A family without an account gets the printed letter instead (refused here).
    /// </summary>
    public async Task<Outcome<bool>> SendLetterAsync(FollowedCase followed, SendInput input, CancellationToken ct)
    {
        var (c, application) = followed;
        if (input.Version != c.Version) return Concurrent<bool>();
        if (c.Status != FollowUpStatus.Open) return Problem.Of("followup-closed", "");
        var email = application.FamilyUserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct) : null;
        if (string.IsNullOrWhiteSpace(email)) return Problem.Of("followup-letter-no-email", "");
        var letter = await letters.BuildAsync(application, Casework.Today, ct);
        var sent = c.RecordProposalSent($"Courrier envoyé par e-mail ({letter.Sections.Count} rubriques : {string.Join(", ", letter.Sections.Select(s => s.Heading))})",
            Casework.Today, Casework.Now, Casework.UserId);
        if (!sent.IsSuccess) return Outcome<bool>.Failure(sent.Problems);
        await notifier.QueueAsync(new Recipient(email, application.FamilyUserId),
            new OutgoingNotification(NotificationKind, SolutionsLetter.Subject, letter.Text(links.Absolute),
                Link: $"/famille/demandes/{application.Id}", CommuneCode: application.CommuneCode),
            $"solutions:{c.Id}:{sent.Value.Id}", ct);
        db.SentLetters.Add(Copy(c, letter, LetterChannel.Email, email));
        audit.Record(FollowUpAudit.LetterSent, FollowUpAudit.EntityType, c.Id.ToString(), application.Reference);
        return await SaveAsync(ct);
    }

    /// <summary>
    /// The agent printed the letter and gave or posted it to the family (a family without an account, or one that asked for paper):
    /// the case's log notes « solutions envoyées » and the letter's words are kept, in one SaveChanges.
    /// </summary>
    public async Task<Outcome<bool>> RecordPrintedLetterAsync(FollowedCase followed, SendInput input, CancellationToken ct)
    {
        var (c, application) = followed;
        if (input.Version != c.Version) return Concurrent<bool>();
        if (c.Status != FollowUpStatus.Open) return Problem.Of("followup-closed", "");
        var letter = await letters.BuildAsync(application, Casework.Today, ct);
        var sent = c.RecordProposalSent($"Courrier imprimé remis ou posté ({letter.Sections.Count} rubriques : {string.Join(", ", letter.Sections.Select(s => s.Heading))})",
            Casework.Today, Casework.Now, Casework.UserId);
        if (!sent.IsSuccess) return Outcome<bool>.Failure(sent.Problems);
        db.SentLetters.Add(Copy(c, letter, LetterChannel.Print, null));
        audit.Record(FollowUpAudit.LetterPrinted, FollowUpAudit.EntityType, c.Id.ToString(), application.Reference);
        return await SaveAsync(ct);
    }

    private SentLetter Copy(FollowUpCase c, SolutionsLetter letter, LetterChannel channel, string? to) => new()
    {
        CaseId = c.Id, SentAt = Casework.Now, Channel = channel, SentBy = Casework.UserId, To = to,
        Sections = string.Join(", ", letter.Sections.Select(s => s.Heading)), Content = letter.Text(links.Absolute),
    };

    // Reopening while another agent opened a new case: the unique index gives « already open ».
    private Task<Outcome<bool>> SaveAsync(CancellationToken ct) => CaseSave.SaveAsync(db, "followup-already-open", ct);

    private static Outcome<T> Concurrent<T>() => Problem.Of("concurrency", "");
}
