using Berceau.Data;
using Berceau.Data.Commission;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

/// <summary>Reads of a session and of what its freeze and runs stored.</summary>
public sealed class CommissionQueries(BerceauDbContext db)
{
    private static readonly CareMode[] CrecheModes =
        [CareMode.EajeCollectif, CareMode.MicroCreche, CareMode.CrecheFamiliale, CareMode.CrecheParentale, CareMode.CrecheEntreprise];

    /// <summary>The crèches of the session's scope, with their sections: the commune's, or the chosen ones.</summary>
    public static IQueryable<Facility> ScopeFacilities(BerceauDbContext db, CommissionSession session, bool tracked) =>
        Creches(db, session.CommuneCode, session.Facilities, tracked);

    /// <summary>The crèches of a commune (or the chosen ones among them), with their sections.</summary>
    public static IQueryable<Facility> Creches(BerceauDbContext db, string communeCode, IReadOnlyList<FacilityId> chosen, bool tracked)
    {
        var ids = chosen.ToList();
        var query = db.Facilities.Include(f => f.Sections)
            .Where(f => f.CommuneCode == communeCode && CrecheModes.Contains(f.Mode) && (ids.Count == 0 || ids.Contains(f.Id)));
        return tracked ? query : query.AsNoTracking();
    }

    public Task<List<Facility>> CommuneCrechesAsync(string communeCode, CancellationToken ct) =>
        Creches(db, communeCode, [], tracked: false).ToListAsync(ct);

    public Task<List<Facility>> ScopeFacilitiesAsync(CommissionSession session, CancellationToken ct) =>
        ScopeFacilities(db, session, tracked: false).ToListAsync(ct);

    public Task<CommissionSession?> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var key = new CommissionSessionId(id);
        var query = tracked ? db.CommissionSessions : db.CommissionSessions.AsNoTracking();
        return query.FirstOrDefaultAsync(s => s.Id == key, ct);
    }

    public Task<CommissionSnapshot?> SnapshotAsync(CommissionSessionId id, CancellationToken ct) =>
        db.CommissionSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == id, ct);

    /// <summary>The table the session's entries' scores point into (<see cref="StoredScores"/>); null for a session frozen before.</summary>
    public Task<ScoreTable?> ScoreTableAsync(CommissionSessionId id, CancellationToken ct) => StoredScores.TableAsync(db, id, ct);

    public Task<List<CommissionEntry>> EntriesAsync(CommissionSessionId id, CancellationToken ct) =>
        db.CommissionEntries.AsNoTracking().Where(e => e.SessionId == id).ToListAsync(ct);

    /// <summary>The instance id of some applications of the session (without the stored scores, which a run does not need).</summary>
    public Task<Dictionary<Domain.Applications.ApplicationId, string>> InstanceIdsAsync(CommissionSessionId id,
        IReadOnlyList<Domain.Applications.ApplicationId> applications, CancellationToken ct) =>
        db.CommissionEntries.AsNoTracking().Where(e => e.SessionId == id && applications.Contains(e.ApplicationId))
            .ToDictionaryAsync(e => e.ApplicationId, e => e.InstanceId, ct);

    /// <summary>The runs, newest first, without their JSON (the list of runs on the review screen).</summary>
    public Task<List<RunSummary>> RunsAsync(CommissionSessionId id, CancellationToken ct) =>
        db.CommissionRuns.AsNoTracking().Where(r => r.SessionId == id).OrderByDescending(r => r.Number)
            .Select(r => new RunSummary(r.Id, r.Number, r.At, r.By, r.InstanceHash, r.EngineVersion)).ToListAsync(ct);

    public Task<CommissionRun?> RunAsync(CommissionSessionId id, int number, CancellationToken ct) =>
        db.CommissionRuns.AsNoTracking().FirstOrDefaultAsync(r => r.SessionId == id && r.Number == number, ct);

    public Task<CommissionRun?> LatestRunAsync(CommissionSessionId id, CancellationToken ct) =>
        db.CommissionRuns.AsNoTracking().Where(r => r.SessionId == id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);

    /// <summary>Every override of the session in the order they were made (sorted here: SQLite does not order instants).</summary>
    public async Task<List<CommissionOverride>> OverridesAsync(CommissionSessionId id, bool tracked, CancellationToken ct)
    {
        var query = db.CommissionOverrides.Where(o => o.SessionId == id);
        var overrides = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return [.. overrides.OrderBy(o => o.At).ThenBy(o => o.Id)];
    }

    /// <summary>Names of communes by code (the code itself when the commune is unknown).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CommuneNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        var names = await db.Communes.AsNoTracking().Where(c => wanted.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return wanted.ToDictionary(c => c, c => names.GetValueOrDefault(c, c));
    }

    /// <summary>Display names of users (members, authors of runs and overrides), by id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
    }
}

public sealed record RunSummary(Guid Id, int Number, DateTimeOffset At, string By, string InstanceHash, string EngineVersion);
