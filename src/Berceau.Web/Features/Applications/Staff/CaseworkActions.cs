using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>What the agent posts to change the status: the version read, the status chosen, the reason, what is missing.</summary>
public sealed record MoveInput
{
    public int Version { get; set; }
    public string? To { get; set; }
    public string? Reason { get; set; }
    public List<string> Missing { get; set; } = [];
}

public sealed record ReviewInput
{
    public int Version { get; set; }
    public Guid DocumentId { get; set; }
    public string? Reason { get; set; }
}

public sealed record NoteInput
{
    public string? Text { get; set; }
}

public sealed record ContactInput
{
    public string? On { get; set; }
    public string? Kind { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// What an agent does to a file. Status and proof reviews go through the application's verbs and its version (two agents
/// on the same file: the second is told, nothing is overwritten); every status change notifies the family
/// (<see cref="ApplicationEvents"/>) and every change is audited, in the same SaveChanges.
/// </summary>
public sealed class CaseworkActions(BerceauDbContext db, CaseworkAccess access, AuditLog audit, ApplicationEvents events)
{
    public const int MaxReasonLength = 1000;

    /// <summary>The moves the guichet makes itself; the commission's and the family's are made on their own pages.</summary>
    public static IReadOnlyList<ApplicationStatus> MovesFrom(ApplicationStatus from) =>
        [.. ApplicationStatuses.NextOf(from).Where(to => to is ApplicationStatus.Complete or ApplicationStatus.Incomplete or ApplicationStatus.Cancelled
            || (from == ApplicationStatus.Declined && to == ApplicationStatus.Waitlisted))];

    public async Task<Outcome<StatusChange>> MoveAsync(Application application, MoveInput input, CancellationToken ct)
    {
        if (input.Version != application.Version) return Concurrent<StatusChange>();
        if (!Enum.TryParse<ApplicationStatus>(input.To, out var to) || !MovesFrom(application.Status).Contains(to))
            return Problem.Of("application-move-not-offered", "To");
        var missing = input.Missing.Select(m => Enum.TryParse<ProofKind>(m, out var k) && Enum.IsDefined(k) ? k : (ProofKind?)null)
            .OfType<ProofKind>().Distinct().ToList();
        var text = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        if (to == ApplicationStatus.Incomplete && missing.Count == 0 && text is null) return Problem.Of("application-incomplete-what", "Reason");
        var reason = to == ApplicationStatus.Incomplete && missing.Count > 0
            ? "Pièces à fournir : " + string.Join(" ; ", missing.Select(k => k.Label())) + "." + (text is null ? "" : " " + text)
            : text;
        if (reason is { Length: > MaxReasonLength }) return Problem.Of("too-long", "Reason", MaxReasonLength);

        var moved = application.Move(to, access.Now, access.UserId, reason);
        if (!moved.IsSuccess) return moved;
        audit.Record(ApplicationAudit.StatusChanged, ApplicationAudit.EntityType, application.Id.ToString(), ApplicationAudit.Describe(moved.Value));
        await events.ChangedAsync(application, moved.Value, ct);
        return await SaveAsync(moved.Value, ct);
    }

    public async Task<Outcome<bool>> ReviewAsync(Application application, ReviewInput input, bool valid, CancellationToken ct)
    {
        if (input.Version != application.Version) return Concurrent<bool>();
        var document = await db.ApplicationDocuments.FirstOrDefaultAsync(d => d.Id == input.DocumentId && d.ApplicationId == application.Id, ct);
        if (document is null) return Problem.Of("not-found", "");
        var reason = input.Reason?.Trim();
        if (reason is { Length: > MaxReasonLength }) return Problem.Of("too-long", "Reason", MaxReasonLength);
        var reviewed = application.ReviewProof(document, valid, reason, access.Now, access.UserId);
        if (!reviewed.IsSuccess) return reviewed;
        audit.Record(valid ? ApplicationAudit.ProofValidated : ApplicationAudit.ProofRejected, ApplicationAudit.EntityType,
            application.Id.ToString(), $"{document.Kind.Label()} ({document.Id})" + (valid ? "" : " : " + reason));
        return await SaveAsync(true, ct);
    }

    /// <summary>Notes are appended, never edited: two agents writing at once both keep theirs, no version needed.</summary>
    public async Task<Outcome<bool>> AddNoteAsync(Application application, NoteInput input, CancellationToken ct)
    {
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Problem.Of("note-text-missing", "Text");
        if (text.Length > ApplicationNote.MaxTextLength) return Problem.Of("too-long", "Text", ApplicationNote.MaxTextLength);
        db.ApplicationNotes.Add(new ApplicationNote { ApplicationId = application.Id, At = access.Now, By = access.UserId, Text = text });
        audit.Record(ApplicationAudit.NoteAdded, ApplicationAudit.EntityType, application.Id.ToString());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Outcome<bool>> AddContactAsync(Application application, ContactInput input, CancellationToken ct)
    {
        var reader = new Offer.Staff.InputReader();
        var on = reader.Date(input.On, nameof(input.On), required: true);
        if (on > access.Today) reader.Add("contact-date-future", nameof(input.On));
        ContactKind? kind = Enum.TryParse<ContactKind>(input.Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null) reader.Add("contact-kind-missing", nameof(input.Kind));
        ContactOutcome? outcome = Enum.TryParse<ContactOutcome>(input.Outcome, out var o) && Enum.IsDefined(o) ? o : null;
        if (outcome is null) reader.Add("contact-outcome-missing", nameof(input.Outcome));
        var comment = reader.Text(input.Comment, nameof(input.Comment), ApplicationContact.MaxCommentLength);
        if (reader.Problems.Count > 0) return Outcome<bool>.Failure(reader.Problems);
        db.ApplicationContacts.Add(new ApplicationContact
        {
            ApplicationId = application.Id, On = on!.Value, Kind = kind!.Value, Outcome = outcome!.Value, Comment = comment,
            RecordedAt = access.Now, By = access.UserId,
        });
        audit.Record(ApplicationAudit.ContactAdded, ApplicationAudit.EntityType, application.Id.ToString(), $"{kind.Value.Label()} du {on:dd/MM/yyyy} : {outcome.Value.Label()}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The family's message says "in another tab or by the guichet"; the agent's says someone else changed the file.</summary>
    private async Task<Outcome<T>> SaveAsync<T>(T result, CancellationToken ct)
    {
        var saved = await ApplicationSave.SaveAsync(db, result, ct);
        return saved.IsSuccess ? saved : Concurrent<T>();
    }

    private static Outcome<T> Concurrent<T>() => Problem.Of("application-staff-concurrency", "");
}
