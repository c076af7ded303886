using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Childminders;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Childminder;

/// <summary>What a childminder says about their care, as typed (text fields, so that what was typed is shown back).</summary>
public sealed record ProfileInput
{
    public int Version { get; init; }
    public List<string> OpeningDays { get; init; } = [];
    public string? OpensAt { get; init; }
    public string? ClosesAt { get; init; }
    public bool AtypicalHours { get; init; }
    public string? AtypicalHoursDetail { get; init; }
    public bool DisabilityInclusion { get; init; }
    public string? DisabilityExperience { get; init; }
    public string? Languages { get; init; }
    public string? Description { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public bool ShowFullAddress { get; init; }

    public static ProfileInput From(Facility f, ChildminderProfile? p) => new()
    {
        Version = f.Version,
        OpeningDays = InputReader.Format(f.OpeningDays),
        OpensAt = InputReader.Format(f.OpensAt),
        ClosesAt = InputReader.Format(f.ClosesAt),
        AtypicalHours = f.AtypicalHours,
        AtypicalHoursDetail = p?.AtypicalHoursDetail,
        DisabilityInclusion = f.DisabilityInclusion,
        DisabilityExperience = p?.DisabilityExperience,
        Languages = f.Languages,
        Description = f.Description,
        Phone = f.Phone,
        Email = f.Email,
        ShowFullAddress = p?.ShowFullAddress ?? false,
    };
}

/// <summary>
/// Saves a childminder's profile: the registry fields they own (hours, days, languages, presentation, contact details)
/// on their facility, version-checked like the staff form, and the rest in <see cref="ChildminderProfile"/>; one audit line
/// with what changed. The page checks the facility is the account's own.
/// </summary>
public sealed class SaveChildminderProfile(BerceauDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxDescriptionLength = 2000;

    public async Task<IReadOnlyList<Problem>> SaveAsync(Facility facility, ChildminderProfile? profile, ProfileInput input, CancellationToken ct)
    {
        var read = new InputReader();
        var days = read.Days(input.OpeningDays, nameof(input.OpeningDays));
        if (days == WeekDays.None) read.Add("opening-days-required", nameof(input.OpeningDays));
        var opens = read.Time(input.OpensAt, nameof(input.OpensAt));
        var closes = read.Time(input.ClosesAt, nameof(input.ClosesAt));
        if (opens is { } o && closes is { } c && c <= o) read.Add("am-hours-order", nameof(input.ClosesAt));
        var atypical = read.Text(input.AtypicalHoursDetail, nameof(input.AtypicalHoursDetail), ChildminderProfile.MaxDetailLength);
        var disability = read.Text(input.DisabilityExperience, nameof(input.DisabilityExperience), ChildminderProfile.MaxDetailLength);
        var languages = read.Text(input.Languages, nameof(input.Languages), 200);
        var description = read.Text(input.Description, nameof(input.Description), MaxDescriptionLength);
        var phone = read.Text(input.Phone, nameof(input.Phone), 30);
        if (phone is not null && !FacilityForm.IsPhone(phone)) read.Add("not-a-phone", nameof(input.Phone));
        var email = read.Text(input.Email, nameof(input.Email), 200);
        if (email is not null && !Account.EmailAddress.IsValid(email)) read.Add("email-invalid", nameof(input.Email));
        if (read.Problems.Count > 0) return read.Problems;
        if (facility.Version != input.Version) return [Problem.Of("concurrency", "")];

        var before = Snapshot(facility, profile);
        facility.OpeningDays = days;
        facility.OpensAt = opens;
        facility.ClosesAt = closes;
        facility.AtypicalHours = input.AtypicalHours;
        facility.DisabilityInclusion = input.DisabilityInclusion;
        facility.Languages = languages;
        facility.Description = description;
        facility.Phone = phone;
        facility.Email = email;
        if (profile is null)
        {
            profile = new ChildminderProfile { FacilityId = facility.Id };
            db.ChildminderProfiles.Add(profile);
        }
        profile.AtypicalHoursDetail = input.AtypicalHours ? atypical : null;
        profile.DisabilityExperience = input.DisabilityInclusion ? disability : null;
        profile.ShowFullAddress = input.ShowFullAddress;
        profile.UpdatedAt = clock.GetUtcNow();
        var diff = FacilityAudit.Diff(before, Snapshot(facility, profile));
        if (diff is null) return [];
        facility.Version++;
        audit.Record(ChildminderAudit.ProfileUpdated, FacilityAudit.EntityType, facility.Id.ToString(), diff);
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

    private static Dictionary<string, string?> Snapshot(Facility f, ChildminderProfile? p)
    {
        var snapshot = new Dictionary<string, string?>(FacilityAudit.Snapshot(f), StringComparer.Ordinal)
        {
            [nameof(ChildminderProfile.AtypicalHoursDetail)] = p?.AtypicalHoursDetail,
            [nameof(ChildminderProfile.DisabilityExperience)] = p?.DisabilityExperience,
            [nameof(ChildminderProfile.ShowFullAddress)] = p?.ShowFullAddress == true ? "true" : "false",
        };
        return snapshot;
    }
}
