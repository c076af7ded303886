using Berceau.Data.Commission;
using Berceau.Domain.Commission;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// A section of the session in the minutes: the seats declared, how many the validated run filled, its cut-off, and its
/// reserves as the engine applied them (seats reserved per category, and how many went to a family of the category).
/// </summary>
public sealed record SectionFigures(string Structure, string Section, int Seats, int Placed, int Forced, int? CutoffScore, IReadOnlyList<ReserveLine> Reserves)
{
    public int Reserved => Reserves.Sum(r => r.Seats);
    public int ViaReserve => Reserves.Sum(r => r.Filled);
}

/// <summary>One application of the session as the validated run left it (the link to the application, never its family).</summary>
public sealed record EntryOutcome(Domain.Applications.ApplicationId ApplicationId, string InstanceId, FacilityId? PlacedAt, int? WishRank,
    bool Forced, int FamilyScore, int? ScoreAtPlacement, string? ViaReserve = null);

/// <summary>
/// What a session decided, read from its validated run: who got a place where (the engine's and the commission's), who has
/// none, the figures per section. The minutes print it for the members; <see cref="Statistics"/> turns it into the anonymised
/// public figures; the validation opens a follow-up case for every application in <see cref="Unplaced"/>.
/// </summary>
public sealed class SessionOutcome
{
    public required IReadOnlyList<EntryOutcome> Entries { get; init; }
    public required IReadOnlyList<SectionFigures> Sections { get; init; }
    public required RunView Run { get; init; }
    public required IReadOnlyDictionary<FacilityId, string> StructureNames { get; init; }

    public int Applications => Entries.Count;
    public int Seats => Sections.Sum(s => s.Seats);
    public int Placed => Entries.Count(e => e.PlacedAt is not null);
    public int Forced => Entries.Count(e => e.Forced);
    public int FirstWish => Entries.Count(e => e.WishRank == 1);
    public IEnumerable<EntryOutcome> Unplaced => Entries.Where(e => e.PlacedAt is null);
    public int Reserved => Sections.Sum(s => s.Reserved);
    public int ViaReserve => Entries.Count(e => e.ViaReserve is not null);

    /// <summary>The session's reserves summed per category over its sections (poverty first, as the instance lists them).</summary>
    public IReadOnlyList<ReserveLine> ReservesByCategory => [.. Sections.SelectMany(s => s.Reserves).GroupBy(r => r.Category)
        .Select(g => new ReserveLine(g.Key, g.Sum(r => r.Seats), g.Sum(r => r.Filled)))];

    public static SessionOutcome Build(CommissionSession session, IReadOnlyList<Facility> facilities, IReadOnlyList<CommissionEntry> entries, ScoreTable? table,
        CommissionRun run)
    {
        var view = RunView.Read(run);
        var outcomes = entries.OrderBy(e => e.InstanceId, StringComparer.Ordinal).Select(e =>
        {
            var scores = StoredScores.Read(e.ScoresJson, table);
            var placement = view.Placements.GetValueOrDefault(e.InstanceId);
            // The instance's structure id is the facility's: a placement stands even if the structure left the registry since.
            var facility = placement is not null && Guid.TryParse(placement.Structure, out var structure) ? new FacilityId(structure) : (FacilityId?)null;
            var wished = facility is { } id ? scores.FindIndex(s => s.Facility == id.Value) : -1;
            // A forced placement never went through the engine: its rank is the family's, when it wished that structure.
            var rank = placement?.WishRank ?? (wished >= 0 ? wished + 1 : null);
            return new EntryOutcome(e.ApplicationId, e.InstanceId, facility, placement is null ? null : rank, placement?.Forced is not null,
                FamilyScore(scores), wished >= 0 ? scores[wished].Total : null, placement?.ViaReserve);
        }).ToList();

        var sections = new List<SectionFigures>();
        foreach (var facility in facilities.OrderBy(f => f.Name, CommissionDisplay.FrenchOrder))
        {
            foreach (var section in facility.Sections.OrderBy(s => s.MinAgeMonths))
            {
                var id = InstanceSnapshot.SectionId(section.Id);
                var placed = view.Placements.Values.Where(p => p.Section == id).ToList();
                var seats = session.Seats.FirstOrDefault(d => d.SectionId == section.Id)?.Seats ?? 0;
                if (seats == 0 && placed.Count == 0) continue;
                sections.Add(new SectionFigures(facility.Name, section.Name, seats, placed.Count, placed.Count(p => p.Forced is not null),
                    view.CutoffBySection.GetValueOrDefault(id), view.ReservesOf(id)));
            }
        }
        return new SessionOutcome
        {
            Entries = outcomes, Sections = sections, Run = view, StructureNames = facilities.ToDictionary(f => f.Id, f => f.Name),
        };
    }

    /// <summary>
    /// The anonymised figures (<see cref="PublicStatistics"/>): the family's own score for the distribution, and per structure the
    /// lowest score the engine admitted there (forced placements are the commission's, not the grid's: they do not set a cut-off).
    /// </summary>
    public PublicStatistics Statistics(int overrides)
    {
        var counted = Entries.Select(e => new CountedApplication(e.PlacedAt is { } at ? StructureNames.GetValueOrDefault(at, "Structure fermée") : null,
            e.WishRank, e.FamilyScore, e.ViaReserve)).ToList();
        var structures = StructureNames.Select(s => new CountedStructure(s.Value,
            SeatsAt(s.Value),
            Entries.Where(e => e.PlacedAt == s.Key && !e.Forced).Select(e => e.ScoreAtPlacement).Min(),
            Sections.Where(x => x.Structure == s.Value).Sum(x => x.Reserved)))
            .Where(s => s.Seats > 0 || counted.Any(c => c.PlacedAt == s.Name)).ToList();
        return PublicStatistics.Of(counted, structures, overrides, [.. ReservesByCategory.Select(r => new CountedReserve(r.Category, r.Seats))]);
    }

    private int SeatsAt(string structure) => Sections.Where(s => s.Structure == structure).Sum(s => s.Seats);

    /// <summary>
    /// The points the family has wherever it applies: its lines without the structure's own (sibling, sector, employer, bonus).
    /// Entries frozen before the criterion was stored fall back to the lowest total of their wishes.
    /// </summary>
    public static int FamilyScore(IReadOnlyList<StructureScore> scores)
    {
        if (scores.Count == 0) return 0;
        var lines = scores[0].Lines;
        return lines.All(l => l.Criterion is not null)
            ? lines.Where(l => !ScoreCalculator.IsPerStructure(l.Criterion!.Value)).Sum(l => l.Points)
            : scores.Min(s => s.Total);
    }
}
