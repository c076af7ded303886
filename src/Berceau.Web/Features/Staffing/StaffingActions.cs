using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Web.Features.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Staffing;

/// <summary>The staffing table as typed: the rule and, per profession, filled and vacant positions (text, shown back as typed).</summary>
public sealed record StaffingInput
{
    public int Version { get; set; }
    public string? Rule { get; set; }
    public List<PositionInput> Positions { get; set; } = [];
}

public sealed record PositionInput
{
    public string? Profession { get; set; }
    public string? Filled { get; set; }
    public string? Vacant { get; set; }
}

/// <summary>A freeze of places as typed.</summary>
public sealed record FreezeInput
{
    public string? SectionId { get; set; }
    public string? Places { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// What a structure's gestionnaire changes on the staffing page (docs/staffing.md): the staffing table, places frozen for lack
/// of staff and their reopening. The page checks <see cref="FacilityAccess.CanEdit"/> first (director of the structure, agent or
/// admin of its territory); each change writes its line in the facility's history and saves once.
/// </summary>
public sealed class StaffingActions(BerceauDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string StaffingUpdated = "tableau des effectifs";
    public const string PlacesFrozen = "gel de places (manque de personnel)";
    public const string FreezeEnded = "réouverture de places gelées";
    /// <summary>A freeze announced further ahead than this is not a decision yet.</summary>
    public const int MaxMonthsAhead = 24;

    public DateOnly Today => ParisTime.DayOf(clock.GetUtcNow());

    /// <summary>The staffing table of a facility, or a blank one (rule 1-for-5/1-for-8, no position) when none was typed yet.</summary>
    public async Task<FacilityStaffing> StaffingAsync(FacilityId facility, bool tracked, CancellationToken ct)
    {
        var rows = tracked ? db.FacilityStaffings : db.FacilityStaffings.AsNoTracking();
        return await rows.FirstOrDefaultAsync(s => s.FacilityId == facility, ct) ?? new FacilityStaffing { FacilityId = facility };
    }

    public async Task<IReadOnlyList<Problem>> SaveStaffingAsync(StaffMember user, Facility facility, StaffingInput input, CancellationToken ct)
    {
        if (!facility.Mode.IsCollective()) return [Problem.Of("staffing-not-collective", "")];
        var staffing = await StaffingAsync(facility.Id, tracked: true, ct);
        if (staffing.Version != input.Version) return [Problem.Of("concurrency", "")];
        var read = new InputReader();
        EncadrementRule rule = default;
        if (!Enum.TryParse(input.Rule, out rule) || !Enum.IsDefined(rule)) read.Add("staffing-rule", nameof(input.Rule));
        var positions = new List<(Profession, int, int)>();
        for (var i = 0; i < input.Positions.Count; i++)
        {
            var row = input.Positions[i];
            var prefix = $"{nameof(input.Positions)}[{i}].";
            if (!Enum.TryParse<Profession>(row.Profession, out var profession) || !Professions.OfFacility.Contains(profession))
            {
                read.Add("unknown-value", prefix + nameof(row.Filled));
                continue;
            }
            var filled = read.Integer(row.Filled, prefix + nameof(row.Filled), 0, FacilityStaffing.MaxPositions) ?? 0;
            var vacant = read.Integer(row.Vacant, prefix + nameof(row.Vacant), 0, FacilityStaffing.MaxPositions) ?? 0;
            positions.Add((profession, filled, vacant));
        }
        if (read.Problems.Count > 0) return read.Problems;
        var before = Describe(staffing);
        var isNew = db.Entry(staffing).State == EntityState.Detached;
        var outcome = staffing.Update(rule, positions, clock.GetUtcNow(), user.Name);
        if (!outcome.IsSuccess) return outcome.Problems;
        if (isNew) db.FacilityStaffings.Add(staffing);
        audit.Record(StaffingUpdated, FacilityAudit.EntityType, facility.Id.ToString(),
            FacilityAudit.Diff(before, Describe(staffing)) ?? "{}");
        return await SaveAsync(ct);
    }

    public async Task<IReadOnlyList<Problem>> FreezeAsync(StaffMember user, Facility facility, FreezeInput input, CancellationToken ct)
    {
        if (!facility.Mode.IsCollective()) return [Problem.Of("staffing-not-collective", "")];
        var today = Today;
        var read = new InputReader();
        Guid? sectionId = Guid.TryParse(input.SectionId, out var id) && facility.Sections.Any(s => s.Id == id) ? id : null;
        if (sectionId is null) read.Add("freeze-section", nameof(input.SectionId));
        var places = read.Integer(input.Places, nameof(input.Places), int.MinValue, int.MaxValue, required: true);
        var from = read.Date(input.From, nameof(input.From), required: true);
        var to = read.Date(input.To, nameof(input.To));
        if (from is { } f && f > today.AddMonths(MaxMonthsAhead)) read.Add("vacancy-too-far", nameof(input.From), MaxMonthsAhead);
        if (read.Problems.Count > 0 && (sectionId is null || places is null || from is null))
        {
            // The reason is checked too, so that every field's message shows at once.
            if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length < PlaceFreeze.MinReasonLength)
                read.Add("freeze-reason", nameof(input.Reason), PlaceFreeze.MinReasonLength);
            return read.Problems;
        }
        if (read.Problems.Count > 0) return read.Problems;
        var existing = await db.PlaceFreezes.Where(p => p.FacilityId == facility.Id && p.SectionId == sectionId).ToListAsync(ct);
        var outcome = PlaceFreeze.Record(facility, sectionId!.Value, places!.Value, from!.Value, to, input.Reason, existing, today,
            clock.GetUtcNow(), user.Name);
        if (!outcome.IsSuccess) return outcome.Problems;
        var freeze = outcome.Value;
        db.PlaceFreezes.Add(freeze);
        audit.Record(PlacesFrozen, FacilityAudit.EntityType, facility.Id.ToString(), FacilityAudit.Details(new Dictionary<string, object?>
        {
            ["section"] = facility.Sections.First(s => s.Id == freeze.SectionId).Name,
            ["places"] = freeze.Places,
            ["from"] = InputReader.Format(freeze.From),
            ["to"] = freeze.To is null ? null : InputReader.Format(freeze.To),
            ["reason"] = freeze.Reason,
        }));
        return await SaveAsync(ct);
    }

    public async Task<IReadOnlyList<Problem>> EndFreezeAsync(StaffMember user, Facility facility, Guid freezeId, string? reopenOn, CancellationToken ct)
    {
        var freeze = await db.PlaceFreezes.FirstOrDefaultAsync(p => p.Id == freezeId && p.FacilityId == facility.Id, ct);
        if (freeze is null) return [Problem.Of("freeze-not-found", "")];
        var read = new InputReader();
        var on = read.Date(reopenOn, "ReopenOn", required: true);
        if (on is null) return read.Problems;
        var before = freeze.To;
        var outcome = freeze.End(on.Value, Today, clock.GetUtcNow(), user.Name);
        if (!outcome.IsSuccess) return outcome.Problems;
        audit.Record(FreezeEnded, FacilityAudit.EntityType, facility.Id.ToString(), FacilityAudit.Details(new Dictionary<string, object?>
        {
            ["section"] = facility.Sections.FirstOrDefault(s => s.Id == freeze.SectionId)?.Name,
            ["places"] = freeze.Places,
            ["to"] = new[] { before is null ? null : InputReader.Format(before), InputReader.Format(freeze.To) },
        }));
        return await SaveAsync(ct);
    }

    /// <summary>The table as text per field, for the audit diff (« EJE » : « 3 pourvus, 1 vacant »).</summary>
    private static Dictionary<string, string?> Describe(FacilityStaffing s)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Rule"] = s.Rule.Code() };
        foreach (var p in Professions.OfFacility)
        {
            var row = s.Positions.FirstOrDefault(x => x.Profession == p);
            fields[p.Code()] = row is null ? null
                : string.Create(CultureInfo.InvariantCulture, $"{row.Filled} pourvu(s), {row.Vacant} vacant(s)");
        }
        return fields;
    }

    private async Task<IReadOnlyList<Problem>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
    }
}
