using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Applications.Family;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>A line of the agent's timeline: unlike the family's, it names the agent.</summary>
public sealed record StaffTimelineItem(DateTimeOffset At, string Title, string Who, string? Reason);

public sealed record StaffDocument(Guid Id, ProofKind Kind, string FileName, int Size, DateTimeOffset UploadedAt, ProofReview Review, string? RejectionReason);

public sealed record StaffAccess(DateTimeOffset At, string Who, string Role, ApplicationAccessKind Kind);

/// <summary>Everything the guichet reads about one application, loaded for the file page.</summary>
public sealed record CaseworkFileView(
    Application Application,
    string CommuneName,
    string? SectorName,
    IReadOnlyDictionary<FacilityId, string> FacilityNames,
    IReadOnlyList<StaffDocument> Documents,
    IReadOnlyList<ProofKind> MissingProofs,
    IReadOnlyList<StaffTimelineItem> Timeline,
    IReadOnlyList<(ApplicationNote Note, string Who)> Notes,
    IReadOnlyList<(ApplicationContact Contact, string Who)> Contacts,
    IReadOnlyList<StaffAccess> Accesses,
    bool AttachCodePending);

/// <summary>Reads the file of an application the caller already found through <see cref="CaseworkAccess"/>.</summary>
public sealed class CaseworkFiles(BerceauDbContext db, ApplicationFileQueries shared, CaseworkAccess access)
{
    public const int AccessesShown = 30;

    public async Task<CaseworkFileView> LoadAsync(Application a, CancellationToken ct)
    {
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == a.Id)
            .Select(d => new StaffDocument(d.Id, d.Kind, d.FileName, d.Size, d.UploadedAt, d.Review, d.RejectionReason)).ToListAsync(ct);
        documents = [.. documents.OrderBy(d => d.UploadedAt)];
        var notes = await db.ApplicationNotes.AsNoTracking().Where(n => n.ApplicationId == a.Id).ToListAsync(ct);
        var contacts = await db.ApplicationContacts.AsNoTracking().Where(c => c.ApplicationId == a.Id).ToListAsync(ct);
        var accesses = (await db.ApplicationAccesses.AsNoTracking().Where(x => x.ApplicationId == a.Id).ToListAsync(ct))
            .OrderByDescending(x => x.At).Take(AccessesShown).ToList();
        var now = access.Now;
        var codePending = (await db.AttachCodes.AsNoTracking().Where(c => c.ApplicationId == a.Id && c.UsedAt == null && c.RevokedAt == null)
            .Select(c => c.ExpiresAt).ToListAsync(ct)).Exists(e => e > now);

        var names = await NamesAsync(a.StatusChanges.Select(c => c.By).Concat(a.Events.Select(e => e.By))
            .Concat(notes.Select(n => n.By)).Concat(contacts.Select(c => c.By)).Concat(accesses.Select(x => x.UserId))
            .Append(a.CreatedBy ?? ""), a.FamilyUserId, ct);
        // Ids not found are the worker (« système ») or an account deleted since.
        string Who(string by) => names.TryGetValue(by, out var name) ? name : by == "système" ? "Traitement automatique" : "Compte supprimé";

        var timeline = a.StatusChanges.Select(c => new StaffTimelineItem(c.At, c.From == ApplicationStatus.Draft ? "Demande déposée" : $"Statut « {c.To.Label()} »", Who(c.By), c.Reason))
            .Concat(a.Events.Select(e => new StaffTimelineItem(e.At, e.Label.Replace("votre compte", "son compte", StringComparison.Ordinal), Who(e.By), null)))
            .Append(new StaffTimelineItem(a.CreatedAt, "Demande créée", Who(a.CreatedBy ?? a.FamilyUserId ?? ""), null))
            .OrderByDescending(i => i.At).ToList();

        return new CaseworkFileView(a,
            await shared.CommuneNameAsync(a.CommuneCode, ct),
            await shared.SectorNameAsync(a.SectorId, ct),
            await shared.FacilityNamesAsync(GridAnswersDisplay.FacilityIds(a), ct),
            documents,
            ApplicationStatuses.IsFinal(a.Status) ? [] : Proofs.Missing(a, documents.Where(d => d.Review != ProofReview.Rejected).Select(d => d.Kind)),
            timeline,
            [.. notes.OrderByDescending(n => n.At).Select(n => (n, Who(n.By)))],
            [.. contacts.OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt).Select(c => (c, Who(c.By)))],
            [.. accesses.Select(x => new StaffAccess(x.At, Who(x.UserId), Domain.Access.Roles.Label(x.Role), x.Kind))],
            codePending);
    }

    /// <summary>Display names of the staff involved; the family is « La famille » (its name is on the file already).</summary>
    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, string? familyUserId, CancellationToken ct)
    {
        var wanted = ids.Where(i => i.Length > 0).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var names = users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
        if (familyUserId is not null) names[familyUserId] = "La famille";
        return names;
    }
}
