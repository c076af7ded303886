using Berceau.Data;
using Berceau.Domain.Difficulty;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Features.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Difficulty;

/// <summary>A structure of the list: what it is, what the rules found, and its open accompaniment if any.</summary>
public sealed record StructureStatus(
    Guid FacilityId, string Name, CareMode Mode, string CommuneCode, string CommuneName, StructureFacts Facts,
    DifficultyAssessment Assessment, Guid? OpenCaseId);

/// <summary>
/// Reads the alert list: the crèches (collective structures) and MAM open today in the communes the advisor's territory covers as
/// a whole, each with its facts (places, freezes of the day, staffing table, signals) assessed by <see cref="DifficultyRules"/>.
/// A handful of queries for the whole territory (facilities, freezes, staffing, signals, open cases), the rules in memory.
/// </summary>
public sealed class DifficultyQueries(BerceauDbContext db, CaseworkAccess territory, IOptions<DifficultyOptions> options)
{
    private static readonly CareMode[] Followed =
        [CareMode.EajeCollectif, CareMode.MicroCreche, CareMode.CrecheFamiliale, CareMode.CrecheParentale, CareMode.CrecheEntreprise, CareMode.Mam];

    public DifficultyThresholds Thresholds => options.Thresholds();

    public DateOnly Today => territory.Today;

    public Task<IReadOnlyList<string>> CommunesAsync(CancellationToken ct) => territory.CommunesAsync(ct);

    /// <summary>The structures of the territory (or of one of its communes), assessed today, by name.</summary>
    public async Task<IReadOnlyList<StructureStatus>> StructuresAsync(string? commune, CancellationToken ct)
    {
        var communes = await territory.CommunesAsync(ct);
        var codes = commune is null ? communes.ToList() : communes.Where(c => c == commune).ToList();
        var today = Today;
        var facilities = await db.Facilities.AsNoTracking().Include(f => f.Sections)
            .Where(f => codes.Contains(f.CommuneCode) && Followed.Contains(f.Mode) && (f.ClosedOn == null || f.ClosedOn > today))
            .OrderBy(f => f.Name).ToListAsync(ct);
        return await AssessAsync(facilities, ct);
    }

    /// <summary>One structure of the territory followed by the list (crèche or MAM, not closed), or null: not found (404).</summary>
    public async Task<StructureStatus?> StructureAsync(Guid id, CancellationToken ct)
    {
        var communes = await territory.CommunesAsync(ct);
        var key = new FacilityId(id);
        var today = Today;
        var facility = await db.Facilities.AsNoTracking().Include(f => f.Sections)
            .FirstOrDefaultAsync(f => f.Id == key && communes.Contains(f.CommuneCode) && Followed.Contains(f.Mode) && (f.ClosedOn == null || f.ClosedOn > today), ct);
        return facility is null ? null : (await AssessAsync([facility], ct))[0];
    }

    public async Task<IReadOnlyList<StructureSignal>> SignalsAsync(Guid facility, CancellationToken ct)
    {
        var key = new FacilityId(facility);
        return await db.StructureSignals.AsNoTracking().Where(s => s.FacilityId == key)
            .OrderByDescending(s => s.On).ThenByDescending(s => s.RecordedAt).ToListAsync(ct);
    }

    /// <summary>Every accompaniment of a structure, the latest first.</summary>
    public async Task<IReadOnlyList<AccompanimentCase>> CasesOfAsync(Guid facility, CancellationToken ct)
    {
        var key = new FacilityId(facility);
        return await db.AccompanimentCases.AsNoTracking().Include(c => c.Actions).Where(c => c.FacilityId == key)
            .OrderByDescending(c => c.OpenedAt).ToListAsync(ct);
    }

    /// <summary>An accompaniment case of the territory, with its log, or null (another territory's case is not found).</summary>
    public async Task<AccompanimentCase?> CaseAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var communes = await territory.CommunesAsync(ct);
        var key = new AccompanimentCaseId(id);
        var cases = tracked ? db.AccompanimentCases : db.AccompanimentCases.AsNoTracking();
        return await cases.Include(c => c.Actions).FirstOrDefaultAsync(c => c.Id == key && communes.Contains(c.CommuneCode), ct);
    }

    /// <summary>Display names of the people who wrote in a log (a deleted account reads « Compte supprimé »).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
    }

    private async Task<IReadOnlyList<StructureStatus>> AssessAsync(IReadOnlyList<Facility> facilities, CancellationToken ct)
    {
        var ids = facilities.Select(f => f.Id).ToList();
        var today = Today;
        var freezes = await db.PlaceFreezes.AsNoTracking().Where(p => ids.Contains(p.FacilityId)).Where(OpenCapacity.ActiveOn(today)).ToListAsync(ct);
        var staffings = await db.FacilityStaffings.AsNoTracking().Where(s => ids.Contains(s.FacilityId)).ToDictionaryAsync(s => s.FacilityId, ct);
        var signals = (await db.StructureSignals.AsNoTracking().Where(s => ids.Contains(s.FacilityId)).ToListAsync(ct)).ToLookup(s => s.FacilityId);
        var open = await db.AccompanimentCases.AsNoTracking().Where(c => ids.Contains(c.FacilityId) && c.Status == AccompanimentStatus.Open)
            .Select(c => new { c.FacilityId, c.Id }).ToListAsync(ct);
        var openCase = open.ToDictionary(c => c.FacilityId, c => c.Id.Value);
        var communeCodes = facilities.Select(f => f.CommuneCode).Distinct().ToList();
        var names = await db.Communes.AsNoTracking().Where(c => communeCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var thresholds = Thresholds;
        return [.. facilities.Select(f =>
        {
            var own = freezes.Where(p => p.FacilityId == f.Id).ToList();
            var frozen = f.Sections.Sum(s => PlaceFreeze.FrozenOn(own, s, today));
            staffings.TryGetValue(f.Id, out var staffing);
            var facts = new StructureFacts(f.Capacity, frozen, [.. own.OrderBy(p => p.From).Select(p => p.Reason)],
                staffing is { Positions.Count: > 0 }, staffing?.Positions.Sum(p => p.Filled) ?? 0, staffing?.TotalVacant ?? 0, [.. signals[f.Id]]);
            return new StructureStatus(f.Id.Value, f.Name, f.Mode, f.CommuneCode, names.GetValueOrDefault(f.CommuneCode, f.CommuneCode), facts,
                DifficultyRules.Assess(facts, thresholds, today), openCase.TryGetValue(f.Id, out var c) ? c : null);
        })];
    }
}
