using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications;

/// <summary>
/// What the application form needs, wherever it is filled: by the family, at the counter, through the API, or when the
/// guichet corrects the grid's answers. The communes, a commune's sectors, the crèches the guichet takes, how many wishes,
/// which grid questions. Nothing here reads an application: who may see which is the callers' business.
/// </summary>
public sealed class ApplicationFormQueries(BerceauDbContext db, TimeProvider clock, Grid.GridQueries grids)
{
    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<SelectListItem>> CommunesAsync(CancellationToken ct) =>
        [.. (await db.Communes.AsNoTracking().Select(c => new { c.Code, c.Name }).ToListAsync(ct))
            .OrderBy(c => c.Name, FrenchOrder)
            .Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code))];

    public Task<Commune?> CommuneAsync(string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? Task.FromResult<Commune?>(null)
            : db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code.Trim(), ct);

    public async Task<IReadOnlySet<Guid>> SectorIdsAsync(string communeCode, CancellationToken ct) =>
        (await db.Sectors.AsNoTracking().Where(s => s.CommuneCode == communeCode).Select(s => s.Id).ToListAsync(ct)).ToHashSet();

    public async Task<Family.ApplicationFormOptions> OptionsAsync(Commune commune, CancellationToken ct)
    {
        var sectors = await db.Sectors.AsNoTracking().Where(s => s.CommuneCode == commune.Code)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var facilities = await GuichetFacilitiesAsync(commune.Code, ct);
        var versions = await grids.VersionsAsync(commune.Code, ct);
        return new Family.ApplicationFormOptions(commune,
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
