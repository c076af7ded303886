using Berceau.Data;
using Berceau.Data.Commission;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

public sealed record ProposedRow(string InstanceId, Guid ApplicationId, string Child, int? WishRank, StructureScore? Score, AppliedOverride? Forced, string? ViaReserve);

public sealed record SectionBlock(Guid FacilityId, string Structure, Guid SectionId, string Section, int Seats, int? CutoffScore, IReadOnlyList<ProposedRow> Rows,
    IReadOnlyList<ReserveLine> Reserves);

public sealed record UnassignedRow(string InstanceId, Guid ApplicationId, string Child, string Why);

/// <summary>
/// What the review screen filters on; the status is « proposee », « office », « reserve » (placed by the engine on a reserved
/// seat) or « sans-place ». <see cref="Page"/> is the page of
/// structures, <see cref="UnassignedPage"/> the page of the applications without a seat (both from 1).
/// </summary>
public sealed record ReviewFilter(Guid? Structure, Guid? Section, string? Status, int Page = 1, int UnassignedPage = 1)
{
    public const string Proposed = "proposee";
    public const string Forced = "office";
    public const string Unassigned = "sans-place";
    public const string ViaReserve = "reserve";

    public static bool IsKnown(string? status) => status is Proposed or Forced or Unassigned or ViaReserve;

    /// <summary>Whether a placement shows under the status filter (the applications without a seat are listed apart).</summary>
    public bool Shows(Placement placement) => Status switch
    {
        null => true,
        Forced => placement.Forced is not null,
        ViaReserve => placement.ViaReserve is not null,
        _ => placement.Forced is null,
    };
}

/// <summary>One application the session examines, as the pages name it.</summary>
public sealed record EntryView(string InstanceId, Guid ApplicationId, string Child, IReadOnlyList<StructureScore> Scores);

/// <summary>
/// Everything the review screen shows of one run: per structure and section the children proposed (with their score breakdown at
/// that structure), and the applications left without a seat with the engine's explanation. A département's session has a thousand
/// structures and tens of thousands of applications: the structures are shown <see cref="StructuresPerPage"/> at a time (all of
/// them in a commune's usual session) and the applications without a seat <see cref="UnassignedPerPage"/> at a time; the counts
/// are always those of the whole run.
/// </summary>
public sealed class CommissionReview
{
    public const int StructuresPerPage = 20;
    public const int UnassignedPerPage = 50;

    public required IReadOnlyList<SectionBlock> Sections { get; init; }
    public required IReadOnlyList<UnassignedRow> Unassigned { get; init; }
    public required int ProposedCount { get; init; }
    public required int ForcedCount { get; init; }
    public required int UnassignedCount { get; init; }
    /// <summary>Placed by the engine on a reserved seat (<c>viaReserve</c>), over the whole run.</summary>
    public required int ViaReserveCount { get; init; }
    /// <summary>The structures of this page (the filtered one, or a page of the scope's), in French order.</summary>
    public required IReadOnlyList<Facility> PageStructures { get; init; }
    public required int Page { get; init; }
    public required int PageCount { get; init; }
    /// <summary>The applications without a seat that the filter keeps, over every page.</summary>
    public required int UnassignedShown { get; init; }
    public required int UnassignedPage { get; init; }
    public required int UnassignedPageCount { get; init; }

    /// <summary>The applications listed on this page, placed or not: the ones whose scores the page needs.</summary>
    public IEnumerable<string> InstanceIds => Sections.SelectMany(b => b.Rows.Select(r => r.InstanceId)).Concat(Unassigned.Select(u => u.InstanceId));

    /// <summary>The scope's structures and sections by id, for names.</summary>
    public sealed record Names(IReadOnlyDictionary<string, Facility> Structures, IReadOnlyDictionary<string, (Facility Facility, Section Section)> Sections)
    {
        public static Names Of(IEnumerable<Facility> facilities)
        {
            var list = facilities.ToList();
            return new(list.ToDictionary(f => InstanceSnapshot.StructureId(f.Id)),
                list.SelectMany(f => f.Sections.Select(s => (f, s))).ToDictionary(x => InstanceSnapshot.SectionId(x.s.Id), x => (x.f, x.s)));
        }

        public string Structure(string id) => Structures.TryGetValue(id, out var f) ? f.Name : "Structure inconnue";

        public string Placement(Placement? p) => p is null ? "Sans place"
            : Sections.TryGetValue(p.Section, out var s) ? $"{s.Facility.Name} – {s.Section.Name}" : "Section inconnue";
    }

    /// <summary>The session's applications with their children's names and stored scores.</summary>
    public static async Task<IReadOnlyList<EntryView>> EntriesAsync(BerceauDbContext db, CommissionSessionId session, CancellationToken ct)
    {
        var rows = await (from e in db.CommissionEntries.AsNoTracking()
                          join a in db.Applications.AsNoTracking() on e.ApplicationId equals a.Id
                          where e.SessionId == session
                          select new { e.InstanceId, e.ApplicationId, a.ChildFirstName, a.ChildLastName, e.ScoresJson }).ToListAsync(ct);
        var table = await StoredScores.TableAsync(db, session, ct);
        return [.. rows.OrderBy(r => r.InstanceId, StringComparer.Ordinal).Select(r => new EntryView(r.InstanceId, r.ApplicationId.Value,
            ChildName(r.ChildFirstName, r.ChildLastName), StoredScores.Read(r.ScoresJson, table)))];
    }

    /// <summary>
    /// The session's applications with their children's names but without their scores (<see cref="EntryView.Scores"/> empty):
    /// the scores of every application weigh a few kilobytes each, the review screen reads only those of its page
    /// (<see cref="ScoresAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<EntryView>> NamesAsync(BerceauDbContext db, CommissionSessionId session, CancellationToken ct)
    {
        var rows = await (from e in db.CommissionEntries.AsNoTracking()
                          join a in db.Applications.AsNoTracking() on e.ApplicationId equals a.Id
                          where e.SessionId == session
                          select new { e.InstanceId, e.ApplicationId, a.ChildFirstName, a.ChildLastName }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.InstanceId, StringComparer.Ordinal).Select(r => new EntryView(r.InstanceId, r.ApplicationId.Value,
            ChildName(r.ChildFirstName, r.ChildLastName), []))];
    }

    /// <summary>
    /// The session's applications without their children's names (<see cref="EntryView.Child"/> empty) nor scores: a département's
    /// review screen names the applications of its page only (<see cref="ChildNamesAsync"/>), not tens of thousands.
    /// </summary>
    public static async Task<IReadOnlyList<EntryView>> IdsAsync(BerceauDbContext db, CommissionSessionId session, CancellationToken ct)
    {
        var rows = await db.CommissionEntries.AsNoTracking().Where(e => e.SessionId == session)
            .Select(e => new { e.InstanceId, e.ApplicationId }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.InstanceId, StringComparer.Ordinal).Select(r => new EntryView(r.InstanceId, r.ApplicationId.Value, "", []))];
    }

    /// <summary>The children's names of some applications of the session, by instance id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ChildNamesAsync(BerceauDbContext db, CommissionSessionId session,
        IEnumerable<string> instanceIds, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in instanceIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await (from e in db.CommissionEntries.AsNoTracking()
                              join a in db.Applications.AsNoTracking() on e.ApplicationId equals a.Id
                              where e.SessionId == session && chunk.Contains(e.InstanceId)
                              select new { e.InstanceId, a.ChildFirstName, a.ChildLastName }).ToListAsync(ct);
            foreach (var row in rows) names[row.InstanceId] = ChildName(row.ChildFirstName, row.ChildLastName);
        }
        return names;
    }

    /// <summary>The stored scores of some applications of the session, by instance id.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<StructureScore>>> ScoresAsync(BerceauDbContext db, CommissionSessionId session,
        IEnumerable<string> instanceIds, CancellationToken ct)
    {
        var scores = new Dictionary<string, IReadOnlyList<StructureScore>>(StringComparer.Ordinal);
        var table = await StoredScores.TableAsync(db, session, ct);
        // A page lists a few hundred applications at most; the chunks stay far below every provider's parameter limit.
        foreach (var chunk in instanceIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await db.CommissionEntries.AsNoTracking().Where(e => e.SessionId == session && chunk.Contains(e.InstanceId))
                .Select(e => new { e.InstanceId, e.ScoresJson }).ToListAsync(ct);
            foreach (var row in rows) scores[row.InstanceId] = StoredScores.Read(row.ScoresJson, table);
        }
        return scores;
    }

    private static string ChildName(string? first, string? last) => $"{first} {last}".Trim() is { Length: > 0 } name ? name : "Enfant sans nom";

    /// <summary>
    /// The review of one page. <paramref name="entries"/> may come without their scores (<see cref="NamesAsync"/>) or names
    /// (<see cref="IdsAsync"/>): the rows then take them from <paramref name="scores"/> and <paramref name="childNames"/> when
    /// given, which hold at least the applications of the page.
    /// </summary>
    public static CommissionReview Build(IReadOnlyList<Facility> facilities, IReadOnlyList<SeatDeclaration> seats, IReadOnlyList<EntryView> entries,
        RunView run, ReviewFilter filter, IReadOnlyDictionary<string, IReadOnlyList<StructureScore>>? scores = null,
        IReadOnlyDictionary<string, string>? childNames = null)
    {
        string ChildOf(EntryView e) => childNames?.GetValueOrDefault(e.InstanceId) ?? e.Child;
        var names = Names.Of(facilities);
        var byInstance = entries.ToDictionary(e => e.InstanceId, StringComparer.Ordinal);
        IReadOnlyList<StructureScore> ScoresOf(EntryView e) => scores?.GetValueOrDefault(e.InstanceId) ?? e.Scores;
        var declared = seats.GroupBy(d => d.SectionId).ToDictionary(g => g.Key, g => g.First().Seats);
        // One pass over the placements, not one per section: a département's run places thousands of children in thousands of sections.
        var placedIn = run.Placements.Where(p => byInstance.ContainsKey(p.Key))
            .ToLookup(p => p.Value.Section, StringComparer.Ordinal);

        var structures = facilities
            .Where(f => filter.Structure is not { } only || only == f.Id.Value)
            .Where(f => filter.Section is not { } section || f.Sections.Any(x => x.Id == section))
            .OrderBy(f => f.Name, CommissionDisplay.FrenchOrder).ThenBy(f => f.Id.Value).ToList();
        var pageCount = Math.Max(1, (structures.Count + StructuresPerPage - 1) / StructuresPerPage);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var pageStructures = structures.Skip((page - 1) * StructuresPerPage).Take(StructuresPerPage).ToList();

        var blocks = new List<SectionBlock>();
        foreach (var facility in filter.Status == ReviewFilter.Unassigned ? new List<Facility>() : pageStructures)
        {
            foreach (var section in facility.Sections.OrderBy(x => x.MinAgeMonths))
            {
                if (filter.Section is { } only && only != section.Id) continue;
                var sectionId = InstanceSnapshot.SectionId(section.Id);
                var rows = placedIn[sectionId]
                    .Where(p => filter.Shows(p.Value))
                    .Select(p =>
                    {
                        var entry = byInstance[p.Key];
                        return new ProposedRow(p.Key, entry.ApplicationId, ChildOf(entry), p.Value.WishRank,
                            ScoresOf(entry).FirstOrDefault(x => x.Facility == facility.Id.Value), p.Value.Forced, p.Value.ViaReserve);
                    })
                    .OrderByDescending(r => r.Forced is not null).ThenByDescending(r => r.Score?.Total).ThenBy(r => r.InstanceId, StringComparer.Ordinal)
                    .ToList();
                var seatsDeclared = declared.GetValueOrDefault(section.Id);
                if (seatsDeclared == 0 && rows.Count == 0) continue;
                blocks.Add(new SectionBlock(facility.Id.Value, facility.Name, section.Id, section.Name, seatsDeclared,
                    run.CutoffBySection.GetValueOrDefault(sectionId), rows, run.ReservesOf(sectionId)));
            }
        }

        var unassigned = filter.Status is null or ReviewFilter.Unassigned
            ? entries.Where(e => !run.Placements.ContainsKey(e.InstanceId))
                .Where(e => filter.Structure is not { } only || Wished(run, e.InstanceId, InstanceSnapshot.StructureId(new FacilityId(only))))
                .ToList()
            : [];
        var unassignedPageCount = Math.Max(1, (unassigned.Count + UnassignedPerPage - 1) / UnassignedPerPage);
        var unassignedPage = Math.Clamp(filter.UnassignedPage, 1, unassignedPageCount);
        return new CommissionReview
        {
            Sections = blocks,
            Unassigned = [.. unassigned.Skip((unassignedPage - 1) * UnassignedPerPage).Take(UnassignedPerPage)
                .Select(e => new UnassignedRow(e.InstanceId, e.ApplicationId, ChildOf(e), run.WhyUnassigned(e.InstanceId, names.Structure)))],
            ProposedCount = run.Placements.Count(p => p.Value.Forced is null), ForcedCount = run.Placements.Count(p => p.Value.Forced is not null),
            UnassignedCount = entries.Count(e => !run.Placements.ContainsKey(e.InstanceId)),
            ViaReserveCount = run.Placements.Count(p => p.Value.ViaReserve is not null),
            PageStructures = pageStructures, Page = page, PageCount = pageCount,
            UnassignedShown = unassigned.Count, UnassignedPage = unassignedPage, UnassignedPageCount = unassignedPageCount,
        };
    }

    /// <summary>
    /// Whether an application without a seat wished the structure: the engine explains every wish it examined, and the commission's
    /// exclusions are the wishes it removed (the same structures as the stored scores, without reading them).
    /// </summary>
    private static bool Wished(RunView run, string application, string structure) =>
        (run.Explanations.TryGetValue(application, out var lines) && lines.Any(l => l.Structure == structure))
        || run.Overrides.Any(o => o.Kind == OverrideKind.Exclude && o.Application == application && InstanceSnapshot.StructureId(new(o.Facility)) == structure);
}
