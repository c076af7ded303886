using Berceau.Data;
using Berceau.Domain.Governance;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema.Governance;

public sealed record BodyRow(Guid Id, string Departement, GovernanceKind Kind, string Name, int Members, DateOnly? NextMeeting);

public sealed record MeetingRow(Guid Id, DateOnly Date, TimeOnly StartsAt, TimeOnly EndsAt, GovernanceMeetingStatus Status, bool Invited);

public sealed record MemberRow(Guid Id, string Organisation, MemberRole Role, string? PersonName, string? Email);

public sealed record DocumentRow(Guid Id, string Title, string FileName, int Size, DateTimeOffset UploadedAt);

/// <summary>A line of the « suivi des décisions » table.</summary>
public sealed record FollowUpRow(
    DecisionFollowUp Action, string Body, Guid MeetingId, DateOnly MeetingDate, int DecisionNumber, string Owner, string? SheetNumber, bool Overdue, bool CanReport);

public sealed record FollowUpFilter(Guid? Body, Guid? Owner, FollowUpStatus? Status, bool OverdueOnly);

/// <summary>Reads of the governance: lists, members, documents, the follow-up table. Hand-written projections, no tracking.</summary>
public sealed class GovernanceQueries(BerceauDbContext db)
{
    /// <summary>The instances the person may open: all those of the départements whose secretariat they hold, and those their organisations sit in.</summary>
    public async Task<IReadOnlyList<BodyRow>> BodiesAsync(SchemaUser user, DateOnly today, CancellationToken ct)
    {
        var departements = user.Scope.Departements.Where(user.IsSecretariatOf).ToList();
        var organisations = user.Organisations.Select(o => o.Id).ToList();
        var bodies = await db.GovernanceBodies.AsNoTracking()
            .Where(b => departements.Contains(b.DepartementCode) || b.Members.Any(m => organisations.Contains(m.OrganisationId)))
            .Select(b => new { b.Id, b.DepartementCode, b.Kind, b.Name, Members = b.Members.Count }).ToListAsync(ct);
        var ids = bodies.Select(b => b.Id).ToList();
        var next = await db.GovernanceMeetings.AsNoTracking()
            .Where(m => ids.Contains(m.BodyId) && m.Status == GovernanceMeetingStatus.Planned && m.Date >= today)
            .GroupBy(m => m.BodyId).Select(g => new { g.Key, Next = g.Min(m => m.Date) }).ToListAsync(ct);
        return [.. bodies.OrderBy(b => b.DepartementCode).ThenBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.CurrentCulture)
            .Select(b => new BodyRow(b.Id, b.DepartementCode, b.Kind, b.Name, b.Members, next.FirstOrDefault(n => n.Key == b.Id)?.Next))];
    }

    public async Task<IReadOnlyList<MeetingRow>> MeetingsAsync(Guid body, CancellationToken ct) =>
        [.. (await db.GovernanceMeetings.AsNoTracking().Where(m => m.BodyId == body)
            .Select(m => new { m.Id, m.Date, m.StartsAt, m.EndsAt, m.Status, m.InvitedSequence }).ToListAsync(ct))
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartsAt)
            .Select(m => new MeetingRow(m.Id, m.Date, m.StartsAt, m.EndsAt, m.Status, m.InvitedSequence is not null))];

    public async Task<IReadOnlyList<MemberRow>> MembersAsync(GovernanceBody body, CancellationToken ct)
    {
        var names = await OrganisationNamesAsync(body.DepartementCode, ct);
        return [.. body.Members.Select(m => new MemberRow(m.Id, names.GetValueOrDefault(m.OrganisationId, ""), m.Role, m.PersonName, m.Email))
            .OrderBy(m => m.Role).ThenBy(m => m.Organisation, StringComparer.CurrentCulture).ThenBy(m => m.PersonName, StringComparer.CurrentCulture).ThenBy(m => m.Id)];
    }

    public async Task<Dictionary<PartnerOrganisationId, string>> OrganisationNamesAsync(string departement, CancellationToken ct) =>
        await db.PartnerOrganisations.AsNoTracking().Where(o => o.DepartementCode == departement).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    public async Task<IReadOnlyList<SelectListItem>> OrganisationItemsAsync(string departement, CancellationToken ct) =>
        [.. (await OrganisationNamesAsync(departement, ct)).OrderBy(o => o.Value, StringComparer.CurrentCulture).Select(o => new SelectListItem(o.Value, o.Key.ToString()))];

    /// <summary>The axes of the département's schémas, newest schéma first, as choices.</summary>
    public async Task<IReadOnlyList<SelectListItem>> AxisItemsAsync(string departement, CancellationToken ct)
    {
        var schemas = await db.Schemas.AsNoTracking().Include(s => s.Axes).Where(s => s.DepartementCode == departement).ToListAsync(ct);
        return [.. schemas.OrderByDescending(s => s.StartYear).ThenBy(s => s.Title, StringComparer.CurrentCulture)
            .SelectMany(s => s.Axes.OrderBy(a => a.Number).Select(a => new SelectListItem($"{s.Period} – {a.Label}", a.Id.ToString())))];
    }

    /// <summary>The fiches actions of the département's schémas, as choices for a decision.</summary>
    public async Task<IReadOnlyList<SelectListItem>> SheetItemsAsync(string departement, CancellationToken ct)
    {
        var rows = await db.ActionSheets.AsNoTracking().Join(db.Schemas.Where(s => s.DepartementCode == departement), a => a.SchemaId, s => s.Id,
            (a, s) => new { a.Id, a.Number, a.Title, s.StartYear, s.EndYear }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.StartYear).ThenBy(r => ActionSheet.SortKey(r.Number), StringComparer.Ordinal)
            .Select(r => new SelectListItem($"{r.StartYear}-{r.EndYear} – fiche {r.Number} – {r.Title}", r.Id.ToString()))];
    }

    public async Task<IReadOnlyList<DocumentRow>> DocumentsAsync(Guid meeting, CancellationToken ct) =>
        [.. (await db.GovernanceDocuments.AsNoTracking().Where(d => d.MeetingId == meeting)
            .Select(d => new DocumentRow(d.Id, d.Title, d.FileName, d.Size, d.UploadedAt)).ToListAsync(ct))
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)];

    public Task<MeetingDocument?> DocumentAsync(Guid meeting, Guid document, CancellationToken ct) =>
        db.GovernanceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == document && d.MeetingId == meeting, ct);

    public async Task<IReadOnlyList<DecisionFollowUp>> FollowUpsOfMeetingAsync(Guid meeting, CancellationToken ct) =>
        await db.DecisionFollowUps.AsNoTracking().Where(a => a.MeetingId == meeting).OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(ct);

    /// <summary>
    /// The follow-up actions the person sees: those of the instances they may read, and those their organisations own; late ones
    /// first (see <see cref="DecisionFollowUp.InTableOrder"/>), filtered.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpRow>> FollowUpsAsync(SchemaUser user, FollowUpFilter filter, DateOnly today, CancellationToken ct)
    {
        var departements = user.Scope.Departements.Where(user.IsSecretariatOf).ToList();
        var organisations = user.Organisations.Select(o => o.Id).ToList();
        var readable = db.GovernanceBodies.Where(b => departements.Contains(b.DepartementCode) || b.Members.Any(m => organisations.Contains(m.OrganisationId))).Select(b => b.Id);
        var query = db.DecisionFollowUps.AsNoTracking().Where(a => readable.Contains(a.BodyId) || organisations.Contains(a.OwnerId));
        if (filter.Body is { } body) query = query.Where(a => a.BodyId == body);
        if (filter.Owner is { } owner) query = query.Where(a => a.OwnerId == new PartnerOrganisationId(owner));
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (filter.OverdueOnly) query = query.Where(a => a.Status != FollowUpStatus.Done && a.DueOn < today);
        var actions = await query.ToListAsync(ct);
        var bodyIds = actions.Select(a => a.BodyId).Distinct().ToList();
        var bodies = await db.GovernanceBodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var meetingIds = actions.Select(a => a.MeetingId).Distinct().ToList();
        var meetings = await db.GovernanceMeetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Date, ct);
        var decisionIds = actions.Select(a => a.DecisionId).ToList();
        var decisions = await db.GovernanceDecisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        var ownerIds = actions.Select(a => a.OwnerId).Distinct().ToList();
        var owners = await db.PartnerOrganisations.AsNoTracking().Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var sheetIds = actions.Where(a => a.SheetId is not null).Select(a => a.SheetId!.Value).Distinct().ToList();
        var sheets = await db.ActionSheets.AsNoTracking().Where(s => sheetIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Number, ct);
        var rows = actions.Select(a => new FollowUpRow(a, bodies.GetValueOrDefault(a.BodyId, ""), a.MeetingId, meetings.GetValueOrDefault(a.MeetingId),
            decisions.GetValueOrDefault(a.DecisionId), owners.GetValueOrDefault(a.OwnerId, ""), a.SheetId is { } s ? sheets.GetValueOrDefault(s) : null,
            a.IsOverdue(today), GovernanceAccess.CanReport(user, a)));
        return [.. DecisionFollowUp.InTableOrder(rows, r => r.Action, today)];
    }
}
