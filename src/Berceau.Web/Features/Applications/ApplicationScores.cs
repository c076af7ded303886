using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Grid;
using Microsoft.EntityFrameworkCore;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Applications;

/// <summary>One wish and its points: <see cref="Facility"/> null for « any crèche of my sector ».</summary>
public sealed record WishScore(int Rank, FacilityId? Facility, string Name, ScoreBreakdown Score)
{
    /// <summary>The lines that belong to this crèche (sibling, sector, partner employer, its bonuses), the rest being the family's.</summary>
    public IEnumerable<ScoreLine> StructureLines => Score.Lines.Where(l => ApplicationScores.StructureCriteria.Contains(l.Criterion));
}

/// <summary>
/// An application's points under its commune's grid in force <see cref="On"/>: what the family shares with every wish
/// (<see cref="Family"/>) and each wish's total. Null <see cref="Grid"/>: the commune has published no grid in force.
/// </summary>
public sealed record ApplicationScoreView(string CommuneCode, string CommuneName, DateOnly On, PointsGrid? Grid, ScoreBreakdown? Family,
    IReadOnlyList<WishScore> Wishes);

/// <summary>
/// Scores an application for the family's page and the agent's file, with the grid in force today. The commission scores
/// at its freeze date (<see cref="ApplicationScoreInput"/>, the same mapping), so the pages say these points are today's.
/// </summary>
public sealed class ApplicationScores(BerceauDbContext db, GridQueries grids)
{
    public static readonly IReadOnlySet<Criterion> StructureCriteria =
        new HashSet<Criterion> { Criterion.SiblingInStructure, Criterion.HomeSector, Criterion.PartnerEmployer, Criterion.StructureBonus };

    /// <param name="names">Names of the wished crèches (a closed or deleted one is named « Crèche qui n’existe plus »).</param>
    /// <param name="sectorWishName">How the reader calls « any crèche of my sector » (« de mon secteur », « du secteur de la famille »).</param>
    public async Task<ApplicationScoreView> ForAsync(Application a, string communeName, IReadOnlyDictionary<FacilityId, string> names,
        string sectorWishName, CancellationToken ct)
    {
        // The commune's day, as the grid's validity dates and the seniority are counted: the public grid page's own day.
        var today = grids.Today;
        var grid = (await grids.VersionsAsync(a.CommuneCode, ct)).InForce(today);
        if (grid is null) return new(a.CommuneCode, communeName, today, null, null, []);

        DateOnly? submittedOn = a.SubmittedAt is { } at ? ParisTime.DayOf(at) : null;
        var input = ApplicationScoreInput.For(a, submittedOn);
        var wished = a.Wishes.Where(w => w.FacilityId is not null).Select(w => w.FacilityId!.Value).Distinct().ToList();
        var sectors = await db.Facilities.AsNoTracking().Where(f => wished.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.SectorId, ct);

        var wishes = a.RankedWishes.Select(w => w.FacilityId is { } id
            ? new WishScore(w.Rank, id, names.GetValueOrDefault(id, "Crèche qui n’existe plus"),
                ScoreCalculator.ForStructure(grid, input, today, new WishedStructure(id, sectors.GetValueOrDefault(id))))
            // Any crèche of the sector is in the family's sector: the sector's points hold, the other crèche points are not known yet.
            : new WishScore(w.Rank, null, sectorWishName,
                ScoreCalculator.ForStructure(grid, input, today, new WishedStructure(new FacilityId(Guid.Empty), a.SectorId)))).ToList();
        return new(a.CommuneCode, communeName, today, grid, ScoreCalculator.ForFamily(grid, input, today), wishes);
    }
}

/// <summary>The score section of a page: the family reads « Vos points », the agent « Points selon la grille ».</summary>
public sealed record ScoreSection(ApplicationScoreView Scores, bool ForFamily);
