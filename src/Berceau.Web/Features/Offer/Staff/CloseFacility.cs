using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Staff;

public sealed record ClosureInput
{
    public int Version { get; set; }
    public string? ClosedOn { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Closes a facility from a date with a reason, or reopens it; both are audited. The page checks <see cref="FacilityAccess.CanClose"/>.</summary>
public sealed class CloseFacility(BerceauDbContext db, AuditLog audit)
{
    public const int MaxReasonLength = 500;

    public async Task<Outcome<bool>> CloseAsync(Facility facility, ClosureInput input, CancellationToken ct)
    {
        if (input.Version != facility.Version)
        {
            return Problem.Of("facility-concurrency", "");
        }
        if (facility.ClosedOn is not null)
        {
            return Problem.Of("facility-already-closed", "");
        }
        var read = new InputReader();
        var on = read.Date(input.ClosedOn, nameof(input.ClosedOn), required: true);
        var reason = read.Text(input.Reason, nameof(input.Reason), MaxReasonLength, required: true);
        if (read.Problems.Count > 0)
        {
            return Outcome<bool>.Failure(read.Problems);
        }

        facility.Close(on!.Value, reason!);
        audit.Record(FacilityAudit.Closed, FacilityAudit.EntityType, facility.Id.ToString(),
            FacilityAudit.Details(new Dictionary<string, object?> { ["ClosedOn"] = InputReader.Format(on), ["ClosureReason"] = reason }));
        return await SaveAsync(ct);
    }

    public async Task<Outcome<bool>> ReopenAsync(Facility facility, int version, CancellationToken ct)
    {
        if (version != facility.Version)
        {
            return Problem.Of("facility-concurrency", "");
        }
        if (facility.ClosedOn is null)
        {
            return Problem.Of("facility-not-closed", "");
        }
        var details = FacilityAudit.Details(new Dictionary<string, object?>
        {
            ["ClosedOn"] = InputReader.Format(facility.ClosedOn),
            ["ClosureReason"] = facility.ClosureReason,
        });
        facility.Reopen();
        audit.Record(FacilityAudit.Reopened, FacilityAudit.EntityType, facility.Id.ToString(), details);
        return await SaveAsync(ct);
    }

    private async Task<Outcome<bool>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Of("facility-concurrency", "");
        }
    }
}
