using Berceau.Data;
using Berceau.Data.Commission;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Commission;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Decisions;

/// <summary>
/// The run the president validated, read back with what publishing, letters and reattribution need: the engine's instance and
/// result, the link between the engine's ids and the applications, the scope's structures and sections by name.
/// </summary>
public sealed class PublishedRun
{
    public required CommissionSession Session { get; init; }
    public required RunView Run { get; init; }
    public required Engine.Instance Instance { get; init; }
    public required IReadOnlyList<CommissionEntry> Entries { get; init; }
    public required IReadOnlyList<Facility> Facilities { get; init; }
    public required CommissionReview.Names Names { get; init; }

    public string? InstanceIdOf(ApplicationId application) => Entries.FirstOrDefault(e => e.ApplicationId == application)?.InstanceId;

    public ApplicationId? ApplicationOf(string instanceId) => Entries.FirstOrDefault(e => e.InstanceId == instanceId)?.ApplicationId;

    public (Facility Facility, Section Section)? SectionOf(Guid sectionId) =>
        Names.Sections.TryGetValue(InstanceSnapshot.SectionId(sectionId), out var found) ? found : null;

    public string FacilityName(FacilityId id) => Facilities.FirstOrDefault(f => f.Id == id)?.Name ?? "Structure inconnue";

    /// <summary>The day the section's declared seats are free (the freeze day when nothing was declared).</summary>
    public DateOnly AvailableOn(Guid sectionId) => Session.Seats.FirstOrDefault(s => s.SectionId == sectionId)?.AvailableOn ?? Session.FreezeDate;

    /// <summary>Seats of a section the session offers: the ones its director declared.</summary>
    public int SeatsOf(Guid sectionId) => Session.Seats.FirstOrDefault(s => s.SectionId == sectionId)?.Seats ?? 0;

    /// <summary>The rank (1-based) of a crèche among the application's wishes as the commission examined them; int.MaxValue if absent.</summary>
    public int WishRankOf(ApplicationId application, FacilityId facility)
    {
        var structure = InstanceSnapshot.StructureId(facility);
        var wishes = InstanceIdOf(application) is { } id ? Instance.Applications.FirstOrDefault(a => a.Id == id)?.Wishes : null;
        var index = wishes?.Select(w => w.Structure).ToList().IndexOf(structure) ?? -1;
        return index < 0 ? int.MaxValue : index + 1;
    }

    /// <summary>Null when the session has no validated run (not validated yet).</summary>
    public static async Task<PublishedRun?> LoadAsync(BerceauDbContext db, CommissionQueries queries, CommissionSession session, CancellationToken ct)
    {
        if (session.ValidatedRunId is not { } runId) return null;
        var run = await db.CommissionRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        // A run without decisions gave the engine the snapshot's instance (CommissionRun.InstanceJson).
        var instance = run.InstanceJson ?? (await queries.SnapshotAsync(session.Id, ct))?.InstanceJson;
        if (instance is null) return null;
        var facilities = await queries.ScopeFacilitiesAsync(session, ct);
        return new PublishedRun
        {
            Session = session, Run = RunView.Read(run), Instance = RunRecord.ReadInstance(instance),
            Entries = await queries.EntriesAsync(session.Id, ct), Facilities = facilities, Names = CommissionReview.Names.Of(facilities),
        };
    }
}
