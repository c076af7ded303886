using System.Text.Json;
using Berceau.Data;
using Berceau.Data.Commission;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

public sealed record ProposedRow(string InstanceId, Guid ApplicationId, string Child, int? WishRank, StructureScore? Score, AppliedOverride? Forced, string? ViaReserve);

public sealed record SectionBlock(Guid FacilityId, string Structure, Guid SectionId, string Section, int Seats, int? CutoffScore, IReadOnlyList<ProposedRow> Rows);

public sealed record UnassignedRow(string InstanceId, Guid ApplicationId, string Child, string Why);

/// <summary>What the review screen filters on; the status is « proposee », « office » or « sans-place ».</summary>
public sealed record ReviewFilter(Guid? Structure, Guid? Section, string? Status)
{
    public const string Proposed = "proposee";
    public const string Forced = "office";
    public const string Unassigned = "sans-place";
}

/// <summary>One application the session examines, as the pages name it.</summary>
public sealed record EntryView(string InstanceId, Guid ApplicationId, string Child, IReadOnlyList<StructureScore> Scores);

/// <summary>
/// Everything the review screen shows of one run: per structure and section the children proposed (with their score breakdown at
/// that structure), and the applications left without a seat with the engine's explanation.
/// </summary>
public sealed class CommissionReview
{
    public required IReadOnlyList<SectionBlock> Sections { get; init; }
    public required IReadOnlyList<UnassignedRow> Unassigned { get; init; }
    public required int ProposedCount { get; init; }
    public required int ForcedCount { get; init; }
    public required int UnassignedCount { get; init; }

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
        return [.. rows.OrderBy(r => r.InstanceId, StringComparer.Ordinal).Select(r => new EntryView(r.InstanceId, r.ApplicationId.Value,
            $"{r.ChildFirstName} {r.ChildLastName}".Trim() is { Length: > 0 } name ? name : "Enfant sans nom",
            JsonSerializer.Deserialize<List<StructureScore>>(r.ScoresJson, CommissionActions.ScoresJsonOptions) ?? []))];
    }

    public static CommissionReview Build(IReadOnlyList<Facility> facilities, IReadOnlyList<SeatDeclaration> seats, IReadOnlyList<EntryView> entries,
        RunView run, ReviewFilter filter)
    {
        var names = Names.Of(facilities);
        var byInstance = entries.ToDictionary(e => e.InstanceId, StringComparer.Ordinal);
        var blocks = new List<SectionBlock>();
        foreach (var facility in facilities.OrderBy(f => f.Name, CommissionDisplay.FrenchOrder))
        {
            if (filter.Structure is { } s && s != facility.Id.Value) continue;
            foreach (var section in facility.Sections.OrderBy(x => x.MinAgeMonths))
            {
                if (filter.Section is { } only && only != section.Id) continue;
                var sectionId = InstanceSnapshot.SectionId(section.Id);
                var rows = run.Placements.Where(p => p.Value.Section == sectionId && byInstance.ContainsKey(p.Key))
                    .Where(p => filter.Status is null || (filter.Status == ReviewFilter.Forced) == (p.Value.Forced is not null))
                    .Select(p =>
                    {
                        var entry = byInstance[p.Key];
                        return new ProposedRow(p.Key, entry.ApplicationId, entry.Child, p.Value.WishRank,
                            entry.Scores.FirstOrDefault(x => x.Facility == facility.Id.Value), p.Value.Forced, p.Value.ViaReserve);
                    })
                    .OrderByDescending(r => r.Forced is not null).ThenByDescending(r => r.Score?.Total).ThenBy(r => r.InstanceId, StringComparer.Ordinal)
                    .ToList();
                var declared = seats.FirstOrDefault(d => d.SectionId == section.Id)?.Seats ?? 0;
                if (declared == 0 && rows.Count == 0) continue;
                if (filter.Status == ReviewFilter.Unassigned) continue;
                blocks.Add(new SectionBlock(facility.Id.Value, facility.Name, section.Id, section.Name, declared,
                    run.CutoffBySection.GetValueOrDefault(sectionId), rows));
            }
        }
        var unassigned = filter.Status is null or ReviewFilter.Unassigned
            ? entries.Where(e => !run.Placements.ContainsKey(e.InstanceId))
                .Where(e => filter.Structure is null || e.Scores.Any(x => x.Facility == filter.Structure))
                .Select(e => new UnassignedRow(e.InstanceId, e.ApplicationId, e.Child, run.WhyUnassigned(e.InstanceId, names.Structure)))
                .ToList()
            : [];
        return new CommissionReview
        {
            Sections = blocks, Unassigned = unassigned,
            ProposedCount = run.Placements.Count(p => p.Value.Forced is null), ForcedCount = run.Placements.Count(p => p.Value.Forced is not null),
            UnassignedCount = entries.Count(e => !run.Placements.ContainsKey(e.InstanceId)),
        };
    }
}
