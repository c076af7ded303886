using System.Security.Cryptography;
using System.Text;
using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

public sealed record MinutesMember(string Name, CommissionRole Role, bool? Present);

/// <summary>A decision of the commission as the minutes write it: which application, what, why, who, and whether it shaped the decision.</summary>
public sealed record MinutesOverride(string Application, string Decision, string Reason, string By, DateTimeOffset At, bool Applied,
    DateTimeOffset? WithdrawnAt, string? WithdrawnBy);

public sealed record MinutesRun(int Number, DateTimeOffset At, string By, string InstanceHash, string EngineVersion);

/// <summary>
/// The procès-verbal of a validated session: its members and who attended, the figures of the validated run, every decision of
/// the commission with its reason and author, and what makes it checkable (the runs' instance hashes, the hash of the validated
/// result, the engine version, the grid version). Read by the printable page and the PDF, so both say the same.
/// </summary>
public sealed class CommissionMinutes
{
    public required CommissionSession Session { get; init; }
    public required string CommuneName { get; init; }
    public required IReadOnlyList<MinutesMember> Members { get; init; }
    public required SessionOutcome Outcome { get; init; }
    public required IReadOnlyList<MinutesOverride> Overrides { get; init; }
    public required IReadOnlyList<MinutesRun> Runs { get; init; }
    public required MinutesRun Validated { get; init; }
    /// <summary>SHA-256 of the validated run's stored result: anyone replaying the run can compare.</summary>
    public required string ResultHash { get; init; }
    public required int GridVersion { get; init; }
    public required string ValidatedBy { get; init; }

    public bool AttendanceRecorded => Members.Any(m => m.Present is not null);

    /// <summary>The minutes of a validated (or published) session; null before the validation.</summary>
    public static async Task<CommissionMinutes?> LoadAsync(BerceauDbContext db, CommissionQueries queries, CommissionSession session, CancellationToken ct)
    {
        if (session.ValidatedRunId is not { } runId || session.Status is not (CommissionStatus.Validated or CommissionStatus.Published)) return null;
        var run = await db.CommissionRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var snapshot = await queries.SnapshotAsync(session.Id, ct) ?? throw new InvalidOperationException($"Session {session.Id} validated without snapshot.");
        var facilities = await queries.ScopeFacilitiesAsync(session, ct);
        var entries = await queries.EntriesAsync(session.Id, ct);
        var overrides = await queries.OverridesAsync(session.Id, tracked: false, ct);
        var runs = await queries.RunsAsync(session.Id, ct);
        var names = await queries.NamesAsync(session.Members.Select(m => m.UserId).Concat(runs.Select(r => r.By))
            .Concat(overrides.Select(o => o.By)).Concat(overrides.Select(o => o.WithdrawnBy ?? "")).Append(session.ValidatedBy ?? ""), ct);
        string Name(string? id) => id is not null && names.TryGetValue(id, out var name) ? name : "Compte supprimé";

        var outcome = SessionOutcome.Build(session, facilities, entries, await queries.ScoreTableAsync(session.Id, ct), run);
        var references = entries.ToDictionary(e => e.ApplicationId, e => e.InstanceId);
        var applied = outcome.Run.Overrides.Select(o => o.Id).ToHashSet();
        var sections = facilities.SelectMany(f => f.Sections.Select(s => (f, s))).ToDictionary(x => x.s.Id, x => $"{x.f.Name} – {x.s.Name}");
        string Structure(FacilityId id) => facilities.FirstOrDefault(f => f.Id == id)?.Name ?? "Structure inconnue";
        var runRows = runs.Select(r => new MinutesRun(r.Number, r.At, Name(r.By), r.InstanceHash, r.EngineVersion)).ToList();
        return new CommissionMinutes
        {
            Session = session,
            CommuneName = (await queries.CommuneNamesAsync([session.CommuneCode], ct))[session.CommuneCode],
            Members = [.. session.Members.OrderBy(m => m.Role).ThenBy(m => Name(m.UserId), CommissionDisplay.FrenchOrder)
                .Select(m => new MinutesMember(Name(m.UserId), m.Role, m.Present))],
            Outcome = outcome,
            Overrides = [.. overrides.Select(o => new MinutesOverride(references.GetValueOrDefault(o.ApplicationId, "?"),
                o.Kind == OverrideKind.Force
                    ? "placement d’office à " + (o.SectionId is { } s && sections.TryGetValue(s, out var section) ? section : Structure(o.FacilityId))
                    : "exclusion de " + Structure(o.FacilityId),
                o.Reason, Name(o.By), o.At, applied.Contains(o.Id), o.WithdrawnAt, o.WithdrawnBy is null ? null : Name(o.WithdrawnBy)))],
            Runs = runRows,
            Validated = runRows.Single(r => r.Number == run.Number),
            ResultHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run.ResultJson))),
            GridVersion = snapshot.GridVersion,
            ValidatedBy = Name(session.ValidatedBy),
        };
    }

    public static string Percent(int part, int whole) =>
        whole == 0 ? "—" : (100m * part / whole).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " %";

    public static string Attendance(bool? present) => present switch { true => "Présent·e", false => "Absent·e", null => "Non relevé" };
}
