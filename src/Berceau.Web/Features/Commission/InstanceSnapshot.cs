using Berceau.Data.Commission;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Commission;

/// <summary>One application as the snapshot took it: its id in the instance and its score at each wished structure.</summary>
public sealed record SnapshotEntry(ExaminedApplication Application, string InstanceId, IReadOnlyList<StructureScore> Scores);

/// <summary>The engine's input built at the freeze, and what links it back to the applications.</summary>
public sealed record Snapshot(Engine.Instance Instance, IReadOnlyList<SnapshotEntry> Entries, DateOnly AgeOn);

/// <summary>
/// Builds the engine instance of a session at its freeze (docs/commission.md, « Le gel »). Pure: the caller loads the session's
/// structures (with their sections), the grid in force on the freeze date and the applications examined; the same data always
/// give the same instance, byte for byte, whatever order they were loaded in.
/// <list type="bullet">
/// <item>Sections: every section of every structure of the scope, its capacity the seats declared for it (0 if none). Within a
/// structure, sections with seats come first, then by youngest age: the engine sends a child to the first section of the
/// structure that takes its age, which must be one with seats when there is one.</item>
/// <item>Applications: those with at least one wish in the scope; a wish « any crèche of my sector » becomes the structures of
/// the family's sector, by name; a structure already wished keeps its first rank. Id = the application's reference.</item>
/// <item>Score of a wish: <see cref="ScoreCalculator.ForStructure"/> with the grid in force on the freeze date, seniority counted
/// up to the freeze date.</item>
/// <item>Age: full months on the earliest day the declared seats are free (one age per child: the engine has one start).</item>
/// <item>Tie-break: 1 + rank in order of submission instant, then reference. Equal scores and equal submission days are
/// therefore decided by the exact time of submission, which every family can understand; no draw is needed.</item>
/// <item>Categories: « poverty » for a family that receives a minimum social benefit (RSA, AAH, ASS…), « insertion » for a family
/// with a parent in insertion or looking for a job (the public of AVIP crèches).</item>
/// <item>Reserves (RULES §5): poverty in every structure, insertion at AVIP crèches, computed from the seats declared for the
/// session by <see cref="CommissionReserves.ForStructure"/>.</item>
/// </list>
/// </summary>
public static class InstanceSnapshot
{
    public const string InsertionCategory = CommissionReserves.InsertionCategory;
    public const string PovertyCategory = CommissionReserves.PovertyCategory;

    public static Snapshot Build(CommissionSession session, IReadOnlyList<Facility> facilities, PointsGrid grid,
        IReadOnlyList<Application> applications, Func<DateTimeOffset, DateOnly> dayOf) =>
        BuildExamined(session, facilities, grid, [.. applications.Select(ExaminedApplication.Of)], dayOf);

    /// <summary>The same from the applications as the freeze reads them (<see cref="ExaminedApplication"/>).</summary>
    public static Snapshot BuildExamined(CommissionSession session, IReadOnlyList<Facility> facilities, PointsGrid grid,
        IReadOnlyList<ExaminedApplication> applications, Func<DateTimeOffset, DateOnly> dayOf) =>
        Plan(session, facilities, applications).Build(grid, dayOf);

    /// <summary>
    /// What the snapshot will hold, without the scores: the sections and which applications it examines. Cheap, so that the
    /// freeze can move those applications while the scores are computed (<see cref="SnapshotPlan.Build"/>).
    /// </summary>
    public static SnapshotPlan Plan(CommissionSession session, IReadOnlyList<Facility> facilities, IReadOnlyList<ExaminedApplication> applications)
    {
        var scope = facilities.Where(f => session.Covers(f.Id, f.CommuneCode) && f.Sections.Count > 0)
            .OrderBy(f => f.Id.Value).ToList();
        var seats = session.Seats.ToDictionary(s => s.SectionId);
        var offered = session.Seats.Where(s => s.Seats > 0).ToList();
        var ageOn = offered.Count > 0 ? offered.Min(s => s.AvailableOn) : session.FreezeDate;

        // One text per structure, shared by its sections and by every wish for it (180,000 in a département, all kept in the instance).
        var structureIds = scope.ToDictionary(f => f.Id, f => StructureId(f.Id));
        var sections = new List<Engine.Section>();
        foreach (var facility in scope)
        {
            var ordered = facility.Sections
                .OrderByDescending(s => seats.TryGetValue(s.Id, out var d) && d.Seats > 0)
                .ThenBy(s => s.MinAgeMonths).ThenBy(s => s.MaxAgeMonths).ThenBy(s => s.Id).ToList();
            var capacities = ordered.Select(s => seats.TryGetValue(s.Id, out var d) ? d.Seats : 0).ToList();
            var reserves = CommissionReserves.ForStructure(capacities, facility.IsAvip);
            for (var i = 0; i < ordered.Count; i++)
            {
                sections.Add(new Engine.Section(SectionId(ordered[i].Id), structureIds[facility.Id], capacities[i],
                    ordered[i].MinAgeMonths, ordered[i].MaxAgeMonths, reserves[i]));
            }
        }

        var bySector = scope.Where(f => f.SectorId is not null).GroupBy(f => f.SectorId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Id.Value).ToList());
        var inScope = scope.ToDictionary(f => f.Id);
        var ordering = applications.OrderBy(a => a.SubmittedAt ?? a.CreatedAt).ThenBy(a => a.Reference, StringComparer.Ordinal).ToList();
        var tieBreaks = ordering.Select((a, i) => (a.Id, Rank: i + 1L)).ToDictionary(x => x.Id, x => x.Rank);

        var examined = new List<PlannedEntry>(applications.Count);
        foreach (var application in applications.OrderBy(a => a.Reference, StringComparer.Ordinal))
        {
            var wished = WishedStructures(application, inScope, bySector);
            var birth = application.ChildBirthDate ?? application.ChildExpectedBirthDate;
            if (wished.Count == 0 || birth is null) continue;
            examined.Add(new PlannedEntry(application, wished, birth.Value, tieBreaks[application.Id]));
        }
        return new SnapshotPlan(session.FreezeDate, sections, ageOn, examined) { StructureIds = structureIds };
    }

    /// <summary>An examined application, its wished structures of the scope (in the family's order) and what the engine needs.</summary>
    public sealed record PlannedEntry(ExaminedApplication Application, IReadOnlyList<Facility> Wished, DateOnly Birth, long TieBreak);

    /// <summary>The snapshot of <see cref="Plan"/>, its applications in the order of their references.</summary>
    public sealed record SnapshotPlan(DateOnly FreezeDate, IReadOnlyList<Engine.Section> Sections, DateOnly AgeOn, IReadOnlyList<PlannedEntry> Examined)
    {
        /// <summary>The engine's id of each structure of the scope (<see cref="StructureId"/>).</summary>
        public required IReadOnlyDictionary<FacilityId, string> StructureIds { get; init; }

        /// <summary>
        /// Scores each examined application with the grid and builds the instance. The families' scores (tens of thousands in a
        /// département) are computed on every core, each into its place: the instance is the same, byte for byte, whatever the
        /// number of cores.
        /// </summary>
        public Snapshot Build(PointsGrid grid, Func<DateTimeOffset, DateOnly> dayOf)
        {
            var built = new (Engine.Application Engine, SnapshotEntry Entry)[Examined.Count];
            ParallelRanges.For(Examined.Count, 2_048, (from, to) =>
            {
                var lines = new FamilyLines();
                for (var i = from; i < to; i++) built[i] = Examine(Examined[i], FreezeDate, grid, AgeOn, dayOf, StructureIds, lines);
            });
            return new Snapshot(new Engine.Instance(Engine.Instance.CurrentVersion, null, Sections, [.. built.Select(b => b.Engine)]),
                [.. built.Select(b => b.Entry)], AgeOn);
        }
    }

    /// <summary>An examined application's engine input and entry, with its score at each wished structure.</summary>
    private static (Engine.Application, SnapshotEntry) Examine(PlannedEntry planned, DateOnly freezeDate, PointsGrid grid, DateOnly ageOn,
        Func<DateTimeOffset, DateOnly> dayOf, IReadOnlyDictionary<FacilityId, string> structureIds, FamilyLines lines)
    {
        var (application, wished) = (planned.Application, planned.Wished);
        var submittedOn = dayOf(application.SubmittedAt ?? application.CreatedAt);
        var input = ApplicationScoreInput.For(application, submittedOn);
        // The family's lines once, shared by its structures' breakdowns (ScoreCalculator.ForStructures), and stored once each.
        var breakdowns = ScoreCalculator.ForStructures(grid, input, freezeDate, [.. wished.Select(f => new WishedStructure(f.Id, f.SectorId))]);
        lines.Clear();
        var scores = new List<StructureScore>(wished.Count);
        var wishes = new Engine.Wish[wished.Count];
        for (var i = 0; i < wished.Count; i++)
        {
            var stored = new List<StoredScoreLine>(breakdowns[i].Lines.Count);
            var total = 0;
            foreach (var line in breakdowns[i].Lines)
            {
                stored.Add(lines.Stored(line));
                total += line.Points;
            }
            scores.Add(new StructureScore(wished[i].Id.Value, total, stored));
            wishes[i] = new Engine.Wish(structureIds[wished[i].Id], total);
        }
        var engine = new Engine.Application(application.Reference, ScoreCalculator.FullMonths(planned.Birth, ageOn), submittedOn,
            Categories(application), planned.TieBreak, wishes);
        return (engine, new SnapshotEntry(application, application.Reference, scores));
    }

    /// <summary>
    /// A family's distinct score lines, each stored once and shared by its structures' breakdowns. A handful per family: a list
    /// searched by reference costs less than hashing each occurrence. One per thread, cleared for each family. A line is also
    /// shared with every other family of the thread that has the same one (« Parent 1 : en emploi », 30 points): a département
    /// has a few hundred distinct lines, and its families' hundreds of thousands of copies all lived until the entries were
    /// written, each copied by every collection of the young generations meanwhile (docs/performance.md).
    /// </summary>
    private sealed class FamilyLines
    {
        private readonly List<ScoreLine> seen = [];
        private readonly List<StoredScoreLine> kept = [];
        private readonly Dictionary<ScoreLine, StoredScoreLine> shared = [];

        public void Clear()
        {
            seen.Clear();
            kept.Clear();
        }

        public StoredScoreLine Stored(ScoreLine line)
        {
            var at = seen.Count - 1;
            while (at >= 0 && !ReferenceEquals(seen[at], line)) at--;
            if (at >= 0) return kept[at];
            if (!shared.TryGetValue(line, out var stored)) shared[line] = stored = new StoredScoreLine(line.Label, line.Points, line.Criterion);
            seen.Add(line);
            kept.Add(stored);
            return stored;
        }
    }

    /// <summary>The reserve categories of a family, in the order the sections list their reserves.</summary>
    public static IReadOnlyList<string> Categories(ExaminedApplication application)
    {
        var categories = new List<string>(2);
        if (application.ReceivesSocialMinimum) categories.Add(PovertyCategory);
        if (application.GuardianSituations.Any(s => s is GuardianSituation.Insertion or GuardianSituation.JobSeeker)) categories.Add(InsertionCategory);
        return categories;
    }

    public static string StructureId(FacilityId id) => id.Value.ToString("D");

    public static string SectionId(Guid id) => id.ToString("D");

    /// <summary>The wished structures of the scope, in the family's order, sector wishes expanded, each structure once.</summary>
    private static List<Facility> WishedStructures(ExaminedApplication application, Dictionary<FacilityId, Facility> inScope,
        Dictionary<Guid, List<Facility>> bySector)
    {
        var wished = new List<Facility>();
        foreach (var wish in application.Wishes)
        {
            IEnumerable<Facility> structures = wish is { } id
                ? inScope.TryGetValue(id, out var f) ? [f] : []
                : application.SectorId is { } sector && bySector.TryGetValue(sector, out var list) ? list : [];
            foreach (var structure in structures)
            {
                if (!wished.Contains(structure)) wished.Add(structure);
            }
        }
        return wished;
    }
}
