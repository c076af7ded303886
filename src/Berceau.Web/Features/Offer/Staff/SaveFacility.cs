using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>
/// Creates and updates facilities from the staff form: validates, applies, writes the audit line with the diff, and
/// saves both in one SaveChanges. Access is checked by the page before calling (and again here for the commune).
/// </summary>
public sealed class SaveFacility(BerceauDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    /// <summary>
    /// The communes the user may choose: those their territory covers, plus the facility's current one; and the sectors
    /// of those communes, grouped by commune when there are several.
    /// </summary>
    public async Task<FacilityFormOptions> OptionsAsync(StaffMember user, string? currentCommune, CancellationToken ct)
    {
        var codes = user.ManagesTerritory ? user.Scope.Communes.ToList() : [];
        var departements = user.ManagesTerritory ? user.Scope.Departements.ToList() : [];
        var communes = (await db.Communes.AsNoTracking()
            .Where(c => codes.Contains(c.Code) || departements.Contains(c.DepartementCode) || c.Code == currentCommune)
            .Select(c => new { c.Code, c.Name })
            .ToListAsync(ct))
            .OrderBy(c => c.Name, FrenchOrder)
            .ToList();
        var communeCodes = communes.Select(c => c.Code).ToList();
        var sectors = (await db.Sectors.AsNoTracking()
            .Where(s => communeCodes.Contains(s.CommuneCode))
            .Select(s => new { s.Id, s.CommuneCode, s.Name })
            .ToListAsync(ct))
            .ToLookup(s => s.CommuneCode);
        var sectorItems = new List<SelectListItem>();
        if (!user.ManagesTerritory)
        {
            return new FacilityFormOptions([.. communes.Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code))], sectorItems);
        }
        foreach (var commune in communes.Where(c => sectors[c.Code].Any()))
        {
            var group = communes.Count > 1 ? new SelectListGroup { Name = commune.Name } : null;
            sectorItems.AddRange(sectors[commune.Code].OrderBy(s => s.Name, FrenchOrder)
                .Select(s => new SelectListItem(s.Name, s.Id.ToString()) { Group = group }));
        }
        return new FacilityFormOptions(
            [.. communes.Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code))],
            sectorItems) { ChoosesSector = true };
    }

    public async Task<Outcome<FacilityId>> CreateAsync(StaffMember user, FacilityInput input, CancellationToken ct)
    {
        var commune = await FindCommuneAsync(input.CommuneCode, ct);
        var outcome = FacilityForm.Validate(input, commune, commune is not null && FacilityAccess.CanUseCommune(user, commune.Code), ParisTime.DayOf(clock.GetUtcNow()));
        var sector = await FindSectorAsync(input.SectorId, commune, ct);
        if (!outcome.IsSuccess || sector.Problem is not null)
        {
            return Outcome<FacilityId>.Failure([.. outcome.Problems, .. Optional(sector.Problem)]);
        }
        var values = outcome.Value;
        var position = Position(values, commune!, current: null);
        if (position is null)
        {
            return Problem.Of("position-unknown", nameof(FacilityInput.Latitude));
        }

        var facility = new Facility { Name = values.Name, CommuneCode = values.CommuneCode };
        Apply(values, position.Value, facility);
        facility.SectorId = sector.Id;
        db.Facilities.Add(facility);
        audit.Record(FacilityAudit.Created, FacilityAudit.EntityType, facility.Id.ToString(),
            FacilityAudit.Diff(new Dictionary<string, string?>(), FacilityAudit.Snapshot(facility)));
        await db.SaveChangesAsync(ct);
        return facility.Id;
    }

    /// <summary>
    /// Updates a tracked facility (loaded with its sections and vacancies). Nothing is written when the facility changed
    /// since the user opened the form, or when the form is invalid. Returns false in Value when nothing changed.
    /// </summary>
    public async Task<Outcome<bool>> UpdateAsync(StaffMember user, Facility facility, FacilityInput input, CancellationToken ct)
    {
        if (input.Version != facility.Version)
        {
            return Problem.Of("facility-concurrency", "");
        }
        var commune = await FindCommuneAsync(input.CommuneCode, ct);
        var allowed = commune is not null && (commune.Code == facility.CommuneCode || FacilityAccess.CanUseCommune(user, commune.Code));
        var outcome = FacilityForm.Validate(input, commune, allowed, ParisTime.DayOf(clock.GetUtcNow()), facility.ClosedOn);
        // A director's form has no sector field: the facility stays in its sector, whatever is posted.
        var sector = user.ManagesTerritory ? await FindSectorAsync(input.SectorId, commune, ct) : (facility.SectorId, null);
        if (!outcome.IsSuccess || sector.Problem is not null)
        {
            return Outcome<bool>.Failure([.. outcome.Problems, .. Optional(sector.Problem)]);
        }
        var values = outcome.Value;
        var position = Position(values, commune!, facility);
        if (position is null)
        {
            return Problem.Of("position-unknown", nameof(FacilityInput.Latitude));
        }

        var before = FacilityAudit.Snapshot(facility);
        Apply(values, position.Value, facility);
        facility.SectorId = sector.Id;
        var diff = FacilityAudit.Diff(before, FacilityAudit.Snapshot(facility));
        if (diff is null)
        {
            return false;
        }
        facility.Version++;
        audit.Record(FacilityAudit.Updated, FacilityAudit.EntityType, facility.Id.ToString(), diff);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the version check in the UPDATE refused ours.
            return Problem.Of("facility-concurrency", "");
        }
        return true;
    }

    /// <summary>
    /// The sector chosen: none, or one of the chosen commune's (an id from another commune, or no sector at all, is
    /// refused on the field). Without a valid commune there is nothing to check against: the commune's error says it.
    /// </summary>
    private async Task<(Guid? Id, Problem? Problem)> FindSectorAsync(string? text, Commune? commune, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || commune is null) return (null, null);
        var refused = Problem.Of("sector-of-another-commune", nameof(FacilityInput.SectorId));
        if (!Guid.TryParse(text.Trim(), out var id)) return (null, refused);
        var found = await db.Sectors.AnyAsync(s => s.Id == id && s.CommuneCode == commune.Code, ct);
        return found ? (id, null) : (null, refused);
    }

    private static IEnumerable<Problem> Optional(Problem? problem) => problem is null ? [] : [problem];

    private async Task<Commune?> FindCommuneAsync(string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? null : await db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code.Trim(), ct);

    /// <summary>
    /// The position typed, else the centre of the commune. When the commune changes and the position was left as it
    /// was, the old position belongs to the old commune: the facility moves to the new commune's centre.
    /// </summary>
    private static (double Latitude, double Longitude)? Position(FacilityValues values, Commune commune, Facility? current)
    {
        if (values.Latitude is { } lat && values.Longitude is { } lon)
        {
            var unchanged = current is not null && Same(lat, current.Latitude) && Same(lon, current.Longitude);
            if (!unchanged || current!.CommuneCode == commune.Code)
            {
                return (lat, lon);
            }
        }
        return CommuneCentroid.Of(commune.BoundaryGeoJson);
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) < 1e-6;

    private void Apply(FacilityValues values, (double Latitude, double Longitude) position, Facility f)
    {
        f.Name = values.Name;
        f.Mode = values.Mode;
        f.ManagerType = values.ManagerType;
        f.ManagerName = values.ManagerName;
        f.OpenedOn = values.OpenedOn;
        f.CommuneCode = values.CommuneCode;
        f.Street = values.Street;
        f.PostalCode = values.PostalCode;
        f.Latitude = Math.Round(position.Latitude, 6);
        f.Longitude = Math.Round(position.Longitude, 6);
        f.IsPsu = values.IsPsu;
        f.OpeningDays = values.OpeningDays;
        f.OpensAt = values.OpensAt;
        f.ClosesAt = values.ClosesAt;
        f.ReceptionTypes = values.ReceptionTypes;
        f.AtypicalHours = values.AtypicalHours;
        f.DisabilityInclusion = values.DisabilityInclusion;
        f.IsAvip = values.IsAvip;
        f.Languages = values.Languages;
        f.Phone = values.Phone;
        f.Email = values.Email;
        f.Website = values.Website;
        f.Description = values.Description;
        if (f.Agrement != values.Agrement)
        {
            f.Agrement = values.Agrement;
        }
        ApplySections(values.Sections, f);
    }

    /// <summary>Rows keep their section (and its vacancies) by id; a section removed from the form takes its vacancies with it.</summary>
    private void ApplySections(IReadOnlyList<SectionValues> sections, Facility f)
    {
        var kept = sections.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        foreach (var removed in f.Sections.Where(s => !kept.Contains(s.Id)).ToList())
        {
            foreach (var vacancy in f.Vacancies.Where(v => v.SectionId == removed.Id).ToList())
            {
                f.Vacancies.Remove(vacancy);
                db.Vacancies.Remove(vacancy);
            }
            f.Sections.Remove(removed);
            db.Sections.Remove(removed);
        }
        foreach (var values in sections)
        {
            var section = f.Sections.FirstOrDefault(s => s.Id == values.Id);
            if (section is null)
            {
                // An id that is not one of this facility's sections (a stale or altered form) makes a new section.
                section = new Section { Name = values.Name };
                f.Sections.Add(section);
                // A new child with its key already set must be added explicitly, or EF would take it for an existing row.
                if (db.Entry(f).State != EntityState.Detached && db.Entry(f).State != EntityState.Added)
                {
                    db.Sections.Add(section);
                }
            }
            section.Name = values.Name;
            section.MinAgeMonths = values.MinAgeMonths;
            section.MaxAgeMonths = values.MaxAgeMonths;
            section.Places = values.Places;
        }
    }
}
