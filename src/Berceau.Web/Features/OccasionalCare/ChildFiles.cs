using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Fees;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>A family's registration of a child for occasional care, as typed.</summary>
public sealed record ChildInput
{
    public string? CommuneCode { get; init; }
    public string? ChildFirstName { get; init; }
    public string? ChildLastName { get; init; }
    public string? ChildBirthDate { get; init; }
    public string? AnnualResources { get; init; }
    public string? ChildrenInHousehold { get; init; }
    public bool DisabledChildInHousehold { get; init; }
    public bool Consent { get; init; }
}

/// <summary>The guichet's check of a file: complete, or incomplete with what is missing.</summary>
public sealed record ReviewInput
{
    public int Version { get; init; }
    public string? Decision { get; init; }
    public string? Note { get; init; }
}

/// <summary>What a family asks to be told about.</summary>
public sealed record AlertsInput
{
    public bool Alerts { get; init; }
    public string? FacilityId { get; init; }
    public List<string> Days { get; init; } = [];
}

/// <summary>
/// Children's files for occasional care: the family registers (reusing the household of its latest application when it has
/// one), the guichet or a director of the commune checks, the family chooses its alerts. Every step audited.
/// </summary>
public sealed class ChildFiles(BerceauDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public const int MaxChildAgeMonths = 72;
    public const int MinNoteLength = 5;

    /// <summary>Communes with at least one open crèche taking occasional care at the PSU rate, by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> CommunesAsync(CancellationToken ct)
    {
        var today = ParisTime.DayOf(clock.GetUtcNow());
        var codes = await db.Facilities.AsNoTracking()
            .Where(f => (f.ReceptionTypes & ReceptionTypes.Occasional) != 0 && f.IsPsu && (f.ClosedOn == null || f.ClosedOn > today))
            .Select(f => f.CommuneCode).Distinct().ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return [.. communes.OrderBy(c => c.Name, StringComparer.Create(OccasionalDisplay.French, true)).Select(c => (c.Code, c.Name))];
    }

    /// <summary>The form pre-filled from the family's latest application (child, household), when it has one.</summary>
    public async Task<ChildInput> PrefillAsync(string familyUserId, CancellationToken ct)
    {
        var latest = await db.Applications.AsNoTracking()
            .Where(a => a.FamilyUserId == familyUserId && a.ErasedAt == null)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        if (latest is null) return new ChildInput();
        return new ChildInput
        {
            CommuneCode = latest.CommuneCode,
            ChildFirstName = latest.ChildFirstName,
            ChildLastName = latest.ChildLastName,
            ChildBirthDate = InputReader.Format(latest.ChildBirthDate),
            AnnualResources = latest.AnnualResources?.ToString("0.##", CultureInfo.InvariantCulture),
            ChildrenInHousehold = InputReader.Format(latest.ChildrenInHousehold),
            DisabledChildInHousehold = latest.DisabledMemberInHousehold,
        };
    }

    public async Task<Outcome<OccasionalChild>> RegisterAsync(string familyUserId, ChildInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ParisTime.DayOf(now);
        var read = new InputReader();
        var communes = await CommunesAsync(ct);
        var commune = communes.FirstOrDefault(c => c.Code == input.CommuneCode?.Trim()).Code;
        if (commune is null) read.Add("occ-commune-required", nameof(input.CommuneCode));
        var first = read.Text(input.ChildFirstName, nameof(input.ChildFirstName), OccasionalChild.MaxNameLength, required: true);
        var last = read.Text(input.ChildLastName, nameof(input.ChildLastName), OccasionalChild.MaxNameLength, required: true);
        var birth = read.Date(input.ChildBirthDate, nameof(input.ChildBirthDate), required: true);
        if (birth is { } b && (b > today || HalfDays.AgeInMonths(b, today) >= MaxChildAgeMonths))
            read.Add("occ-birth-date", nameof(input.ChildBirthDate));
        var resources = Resources(read, input.AnnualResources, nameof(input.AnnualResources));
        var children = read.Integer(input.ChildrenInHousehold, nameof(input.ChildrenInHousehold), 1, FeeInputRules.MaxChildren, required: true);
        if (!input.Consent) read.Add("occ-consent-required", nameof(input.Consent));
        if (read.Problems.Count > 0) return Outcome<OccasionalChild>.Failure(read.Problems);
        if (await db.OccasionalChildren.AnyAsync(c => c.FamilyUserId == familyUserId && c.CommuneCode == commune
                && c.ChildFirstName == first && c.ChildLastName == last && c.ChildBirthDate == birth, ct))
            return Problem.Of("occ-child-registered", "");

        var child = new OccasionalChild
        {
            FamilyUserId = familyUserId,
            CommuneCode = commune!,
            ChildFirstName = first!,
            ChildLastName = last!,
            ChildBirthDate = birth!.Value,
            AnnualResources = resources!.Value,
            ChildrenInHousehold = children!.Value,
            DisabledChildInHousehold = input.DisabledChildInHousehold,
            ConsentAt = now,
            CreatedAt = now,
        };
        db.OccasionalChildren.Add(child);
        audit.Record(OccasionalAudit.Registered, OccasionalAudit.ChildEntity, child.Id.ToString(), $"commune {child.CommuneCode}");
        await db.SaveChangesAsync(ct);
        return child;
    }

    public async Task<IReadOnlyList<Problem>> ReviewAsync(OccasionalChild child, ReviewInput input, string by, string familyEmail, CancellationToken ct)
    {
        if (child.Version != input.Version) return [Problem.Of("concurrency", "")];
        var read = new InputReader();
        var note = read.Text(input.Note, nameof(input.Note), OccasionalChild.MaxNoteLength);
        switch (input.Decision)
        {
            case "complete":
                break;
            case "incomplete" when note is null || note.Length < MinNoteLength:
                read.Add("occ-note-required", nameof(input.Note), MinNoteLength);
                break;
            case "incomplete":
                break;
            default:
                read.Add("occ-decision-required", nameof(input.Decision));
                break;
        }
        if (read.Problems.Count > 0) return read.Problems;

        var now = clock.GetUtcNow();
        if (input.Decision == "complete") child.MarkComplete(by, now);
        else child.MarkIncomplete(note!, by, now);
        audit.Record(child.CanBook ? OccasionalAudit.Complete : OccasionalAudit.Incomplete, OccasionalAudit.ChildEntity, child.Id.ToString(), note);
        await notifier.QueueAsync(new Recipient(familyEmail, child.FamilyUserId), OccasionalEmails.FileReviewed(child),
            $"{OccasionalEmails.FileReviewedKind}:{child.Id}:{child.Version}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
        return [];
    }

    public async Task<IReadOnlyList<Problem>> SetAlertsAsync(OccasionalChild child, AlertsInput input, CancellationToken ct)
    {
        var read = new InputReader();
        FacilityId? facility = null;
        if (!string.IsNullOrWhiteSpace(input.FacilityId))
        {
            var today = ParisTime.DayOf(clock.GetUtcNow());
            var id = Guid.TryParse(input.FacilityId, out var parsed) ? new FacilityId(parsed) : default;
            var known = await db.Facilities.AnyAsync(f => f.Id == id && f.CommuneCode == child.CommuneCode
                && (f.ReceptionTypes & ReceptionTypes.Occasional) != 0 && (f.ClosedOn == null || f.ClosedOn > today), ct);
            if (!known) read.Add("occ-alert-facility", nameof(input.FacilityId));
            facility = id;
        }
        var days = read.Days(input.Days, nameof(input.Days));
        if (read.Problems.Count > 0) return read.Problems;
        child.SetAlerts(input.Alerts, facility, days);
        audit.Record(OccasionalAudit.Updated, OccasionalAudit.ChildEntity, child.Id.ToString(), input.Alerts ? "alertes activées" : "alertes arrêtées");
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Annual resources in euros, with a comma or a point, spaces allowed (« 36 000 »).</summary>
    private static decimal? Resources(InputReader read, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            read.Add("occ-resources-required", field);
            return null;
        }
        var text = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            read.Add("not-a-number", field);
            return null;
        }
        if (amount is < 0m or > FeeInputRules.MaxAnnualResources)
        {
            read.Add("out-of-range", field, 0, FeeInputRules.MaxAnnualResources.ToString("#,0", OccasionalDisplay.French));
            return null;
        }
        return amount;
    }
}
