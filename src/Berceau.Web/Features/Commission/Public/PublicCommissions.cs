using Berceau.Data;
using Berceau.Domain.Commission;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission.Public;

public sealed record PublicSession(Guid Id, string Title, DateOnly MeetingDate, string CommuneCode);

/// <summary>
/// What anyone may read of the commissions, without an account: the sessions whose decision exists (validated or published) and
/// their anonymised figures. Nothing else is reachable here: a session in preparation, frozen or called off is « not found ».
/// </summary>
public sealed class PublicCommissions(BerceauDbContext db, CommissionQueries queries)
{
    private static readonly CommissionStatus[] Public = [CommissionStatus.Validated, CommissionStatus.Published];

    public async Task<IReadOnlyList<PublicSession>> OfCommuneAsync(string communeCode, CancellationToken ct)
    {
        var sessions = await db.CommissionSessions.AsNoTracking().Where(s => s.CommuneCode == communeCode && Public.Contains(s.Status))
            .Select(s => new PublicSession(s.Id.Value, s.Title, s.MeetingDate, s.CommuneCode)).ToListAsync(ct);
        return [.. sessions.OrderByDescending(s => s.MeetingDate).ThenBy(s => s.Title, CommissionDisplay.FrenchOrder)];
    }

    /// <summary>The communes with at least one public session, by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> CommunesAsync(CancellationToken ct)
    {
        var codes = await db.CommissionSessions.AsNoTracking().Where(s => Public.Contains(s.Status)).Select(s => s.CommuneCode).Distinct().ToListAsync(ct);
        var names = await queries.CommuneNamesAsync(codes, ct);
        return [.. names.OrderBy(n => n.Value, CommissionDisplay.FrenchOrder).Select(n => (n.Key, n.Value))];
    }

    public async Task<string?> CommuneNameAsync(string code, CancellationToken ct) =>
        await db.Communes.AsNoTracking().Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct);

    /// <summary>A public session and its figures; null when there is no such session or it is not public.</summary>
    public async Task<(CommissionSession Session, string CommuneName, PublicStatistics Figures)?> StatisticsAsync(Guid id, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked: false, ct);
        if (session is null || !Public.Contains(session.Status) || session.ValidatedRunId is not { } runId) return null;
        var run = await db.CommissionRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var outcome = SessionOutcome.Build(session, await queries.ScopeFacilitiesAsync(session, ct), await queries.EntriesAsync(session.Id, ct),
            await queries.ScoreTableAsync(session.Id, ct), run);
        var commune = (await queries.CommuneNamesAsync([session.CommuneCode], ct))[session.CommuneCode];
        return (session, commune, outcome.Statistics(outcome.Run.Overrides.Count));
    }

    /// <summary>
    /// How many seats were offered again after the publication (a refusal, no answer, a withdrawal, a better wish accepted), as
    /// published: one count, small cells suppressed. Null before the publication. The page changes as reattributions happen.
    /// </summary>
    public async Task<PublishedCount?> ReofferedAsync(CommissionSession session, CancellationToken ct)
    {
        if (session.Status != CommissionStatus.Published) return null;
        return PublicStatistics.Publish(await db.PlaceOffers.AsNoTracking().CountAsync(o => o.SessionId == session.Id && o.Round > 0, ct));
    }
}
