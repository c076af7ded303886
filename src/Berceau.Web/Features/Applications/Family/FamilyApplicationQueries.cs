using System.Globalization;
using System.Security.Claims;
using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications.Family;

public sealed record ApplicationSummary(Guid Id, string Reference, string? ChildFirstName, string? ChildLastName, string CommuneName,
    ApplicationStatus Status, DateOnly? ConfirmationDueOn, bool Erased = false);

public sealed record DocumentSummary(Guid Id, ProofKind Kind, string FileName, int Size, DateTimeOffset UploadedAt,
    ProofReview Review = ProofReview.Pending, string? RejectionReason = null);

/// <summary>One line of « Qui a consulté mon dossier »: when, in which role, what; never who by name or account.</summary>
public sealed record AccessSummary(DateTimeOffset At, string Role, ApplicationAccessKind Kind);

/// <summary>
/// What the family pages read. Every application is looked up by id AND owner: someone else's id finds nothing, and the
/// page answers 404 (not 403, which would tell that the id exists).
/// </summary>
public sealed class FamilyApplicationQueries(BerceauDbContext db, IHttpContextAccessor http, TimeProvider clock, Web.Features.Grid.GridQueries grids)
{
    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public string UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("Family pages are only reached signed in (policy famille).");

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public async Task<IReadOnlyList<ApplicationSummary>> MineAsync(CancellationToken ct)
    {
        var userId = UserId;
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.FamilyUserId == userId)
            .Join(db.Communes, a => a.CommuneCode, c => c.Code, (a, c) => new { a, c.Name })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.a.CreatedAt)
            .Select(r => new ApplicationSummary(r.a.Id.Value, r.a.Reference, r.a.ChildFirstName, r.a.ChildLastName, r.Name, r.a.Status, r.a.ConfirmationDueOn, r.a.ErasedAt != null))];
    }

    public async Task<Application?> FindMineAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var userId = UserId;
        var key = new ApplicationId(id);
        var query = db.Applications.Include(a => a.Wishes).Include(a => a.StatusChanges).Include(a => a.Events).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == key && a.FamilyUserId == userId, ct);
    }

    public async Task<IReadOnlyList<SelectListItem>> CommunesAsync(CancellationToken ct) =>
        [.. (await db.Communes.AsNoTracking().Select(c => new { c.Code, c.Name }).ToListAsync(ct))
            .OrderBy(c => c.Name, FrenchOrder)
            .Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code))];

    public Task<Commune?> CommuneAsync(string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? Task.FromResult<Commune?>(null)
            : db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code.Trim(), ct);

    public async Task<IReadOnlySet<Guid>> SectorIdsAsync(string communeCode, CancellationToken ct) =>
        (await db.Sectors.AsNoTracking().Where(s => s.CommuneCode == communeCode).Select(s => s.Id).ToListAsync(ct)).ToHashSet();

    public async Task<ApplicationFormOptions> OptionsAsync(Commune commune, CancellationToken ct)
    {
        var sectors = await db.Sectors.AsNoTracking().Where(s => s.CommuneCode == commune.Code)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var facilities = await GuichetFacilitiesAsync(commune.Code, ct);
        var versions = await grids.VersionsAsync(commune.Code, ct);
        return new ApplicationFormOptions(commune,
            [.. sectors.OrderBy(s => s.Name, FrenchOrder).Select(s => new SelectListItem(s.Name, s.Id.ToString()))],
            [.. facilities.OrderBy(f => f.Name, FrenchOrder).Select(f => new SelectListItem(f.Name, f.Id.ToString()))],
            await MaxWishesAsync(commune.Code, ct),
            // Without a crèche to choose, the sibling and employer questions would have nothing to tick.
            GridQuestions.For(versions, Today) is var asked && facilities.Count == 0 ? asked with { SiblingInStructure = false, PartnerEmployer = false } : asked,
            versions.All.Count > 0);
    }

    /// <summary>The grid's questions the commune's form asks, from its grid in force and those published to start later.</summary>
    public async Task<GridQuestions> GridQuestionsAsync(string communeCode, CancellationToken ct) =>
        GridQuestions.For(await grids.VersionsAsync(communeCode, ct), Today);

    /// <summary>The crèches the family may wish, and its sector, as the domain checks them.</summary>
    public async Task<WishChoices> ChoicesAsync(string communeCode, Guid? sectorId, CancellationToken ct)
    {
        var facilities = await GuichetFacilitiesAsync(communeCode, ct);
        return new WishChoices(facilities.Select(f => f.Id).ToHashSet(), sectorId, await MaxWishesAsync(communeCode, ct));
    }

    /// <summary>How many ranked wishes the commune takes (its guichet settings, 6 when it never set it).</summary>
    public async Task<int> MaxWishesAsync(string communeCode, CancellationToken ct) =>
        await db.GuichetSettings.AsNoTracking().Where(s => s.CommuneCode == communeCode).Select(s => (int?)s.MaxWishes).FirstOrDefaultAsync(ct)
            ?? WishChoices.DefaultMaxWishes;

    public async Task<IReadOnlyDictionary<FacilityId, string>> FacilityNamesAsync(IEnumerable<FacilityId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Facilities.AsNoTracking().Where(f => wanted.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
    }

    public async Task<string?> SectorNameAsync(Guid? sectorId, CancellationToken ct) =>
        sectorId is null ? null : await db.Sectors.AsNoTracking().Where(s => s.Id == sectorId).Select(s => s.Name).FirstOrDefaultAsync(ct);

    public async Task<string> CommuneNameAsync(string code, CancellationToken ct) =>
        await db.Communes.AsNoTracking().Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? code;

    public async Task<IReadOnlyList<DocumentSummary>> DocumentsAsync(Guid applicationId, CancellationToken ct)
    {
        var key = new ApplicationId(applicationId);
        var rows = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == key)
            .Select(d => new DocumentSummary(d.Id, d.Kind, d.FileName, d.Size, d.UploadedAt, d.Review, d.RejectionReason)).ToListAsync(ct);
        return [.. rows.OrderBy(d => d.UploadedAt)];
    }

    /// <summary>Staff reads of the file, newest first (the access log).</summary>
    public async Task<IReadOnlyList<AccessSummary>> AccessesAsync(Guid applicationId, CancellationToken ct)
    {
        var key = new ApplicationId(applicationId);
        var rows = await db.ApplicationAccesses.AsNoTracking().Where(a => a.ApplicationId == key)
            .Select(a => new AccessSummary(a.At, a.Role, a.Kind)).ToListAsync(ct);
        return [.. rows.OrderByDescending(a => a.At)];
    }

    /// <summary>
    /// The guichet unique takes the commune's crèches whose places it allocates: collective, PSU-funded (the commune's
    /// rules and the national fee apply), taking regular care, open. Company crèches keep their places for employers.
    /// </summary>
    private async Task<List<(FacilityId Id, string Name)>> GuichetFacilitiesAsync(string communeCode, CancellationToken ct)
    {
        var today = Today;
        CareMode[] modes = [CareMode.EajeCollectif, CareMode.MicroCreche, CareMode.CrecheFamiliale, CareMode.CrecheParentale];
        var rows = await db.Facilities.AsNoTracking()
            .Where(f => f.CommuneCode == communeCode && modes.Contains(f.Mode) && f.IsPsu && (f.ClosedOn == null || f.ClosedOn > today))
            .Select(f => new { f.Id, f.Name, f.ReceptionTypes })
            .ToListAsync(ct);
        return [.. rows.Where(f => f.ReceptionTypes.HasFlag(ReceptionTypes.Regular)).Select(f => (f.Id, f.Name))];
    }
}
