using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.FollowUp;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Observatory.Indicators;

/// <summary>
/// The facts the indicators are computed from, for a set of communes and a year: one query each, projected to the few columns
/// the arithmetic (in the domain, <see cref="DemandIndicators"/> and <see cref="SupplyIndicators"/>) needs. Instants are compared
/// with the year's bounds in the territory's time (1 January 00:00 in Paris).
/// </summary>
internal sealed class IndicatorFactsQueries(BerceauDbContext db, List<string> codes, int year, DateOnly referenceDay, DateTimeOffset now)
{
    /// <summary>Waiting for a place: from the deposit to an offer not yet answered, and the waiting list.</summary>
    public static readonly ApplicationStatus[] Pending =
    [
        ApplicationStatus.Submitted, ApplicationStatus.Incomplete, ApplicationStatus.Complete, ApplicationStatus.InCommittee,
        ApplicationStatus.Offered, ApplicationStatus.Waitlisted,
    ];

    private static readonly CareMode[] Collective =
        [CareMode.EajeCollectif, CareMode.MicroCreche, CareMode.CrecheFamiliale, CareMode.CrecheParentale, CareMode.CrecheEntreprise];

    private static readonly CareMode[] Childminders = [CareMode.AssistantMaternel, CareMode.Mam];

    private DateTimeOffset Start => StartOf(year);

    private DateTimeOffset End => StartOf(year + 1);

    private DateOnly FirstDay => new(year, 1, 1);

    private DateOnly LastDay => new(year, 12, 31);

    private DateOnly Today => ParisTime.DayOf(now);

    /// <summary>Midnight of 1 January in Paris, as an instant in UTC (PostgreSQL stores instants in UTC only).</summary>
    public static DateTimeOffset StartOf(int year)
    {
        var local = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// Applications waiting on the reference day: their status today for the current year; for a past year, the status their
    /// history gives at the end of 31 December (the last change before 1 January).
    /// </summary>
    public async Task<IReadOnlyCollection<PendingFact>> PendingAsync(bool current, CancellationToken ct)
    {
        if (current)
        {
            var now = await db.Applications.AsNoTracking().Where(a => codes.Contains(a.CommuneCode) && Pending.Contains(a.Status))
                .Select(a => new { a.CommuneCode, Born = a.ChildBirthDate }).ToListAsync(ct);
            return [.. now.Select(a => new PendingFact(a.CommuneCode, AgeBands.Of(a.Born, referenceDay)))];
        }
        var end = End;
        var changes = await (from a in db.Applications.AsNoTracking()
                             where codes.Contains(a.CommuneCode) && a.SubmittedAt != null && a.SubmittedAt < end
                             from c in a.StatusChanges
                             where c.At < end
                             select new { a.Id, a.CommuneCode, Born = a.ChildBirthDate, c.From, c.To, c.At }).ToListAsync(ct);
        return [.. changes.GroupBy(c => c.Id)
            .Select(g => (First: g.First(), Last: ApplicationStatusHistory.InTimeOrder(g.Select(c => new StatusChange(c.From, c.To, c.At, "", null))).Last()))
            .Where(x => Pending.Contains(x.Last.To))
            .Select(x => new PendingFact(x.First.CommuneCode, AgeBands.Of(x.First.Born, referenceDay)))];
    }

    /// <summary>Collective structures open today with their places, and the first wishes of the applications waiting now.</summary>
    public async Task<IReadOnlyCollection<StructureDemandFact>> StructureDemandAsync(CancellationToken ct)
    {
        var today = Today;
        var structures = await db.Facilities.AsNoTracking()
            .Where(f => codes.Contains(f.CommuneCode) && Collective.Contains(f.Mode) && (f.ClosedOn == null || f.ClosedOn > today))
            .Select(f => new { f.Id, f.Name, f.CommuneCode, Places = f.Sections.Sum(s => (int?)s.Places) ?? 0 }).ToListAsync(ct);
        var wishes = await db.Applications.AsNoTracking().Where(a => codes.Contains(a.CommuneCode) && Pending.Contains(a.Status))
            .SelectMany(a => a.Wishes.Where(w => w.Rank == 1 && w.FacilityId != null).Select(w => w.FacilityId))
            .GroupBy(f => f).Select(g => new { Facility = g.Key, Count = g.Count() }).ToListAsync(ct);
        var first = wishes.Where(w => w.Facility is not null).ToDictionary(w => w.Facility!.Value, w => w.Count);
        return [.. structures.Select(s => new StructureDemandFact(s.Id.ToString(), s.Name, s.CommuneCode, first.GetValueOrDefault(s.Id), s.Places))];
    }

    /// <summary>
    /// Families whose application first moved to « acceptée » in the year (a later acceptance, of a better wish, is the same
    /// family): the wait from the deposit, in the territory's days, and what the application declared.
    /// </summary>
    public async Task<IReadOnlyCollection<PlacementFact>> PlacementsAsync(CancellationToken ct)
    {
        var end = End;
        var accepted = await (from a in db.Applications.AsNoTracking()
                              where codes.Contains(a.CommuneCode) && a.SubmittedAt != null
                              from c in a.StatusChanges
                              where c.To == ApplicationStatus.Accepted && c.At < end
                              select new
                              {
                                  a.Id, a.CommuneCode, a.SubmittedAt, c.At, a.DisabledMemberInHousehold, a.ReceivesSocialMinimum,
                                  Insertion = a.Guardians.Any(g => g.Situation == GuardianSituation.Insertion || g.Situation == GuardianSituation.JobSeeker),
                              }).ToListAsync(ct);
        var start = Start;
        return [.. accepted.GroupBy(a => a.Id).Select(g => g.MinBy(a => a.At)!).Where(a => a.At >= start)
            .Select(a => new PlacementFact(a.CommuneCode, Math.Max(0, ParisTime.DayOf(a.At).DayNumber - ParisTime.DayOf(a.SubmittedAt!.Value).DayNumber),
                a.DisabledMemberInHousehold, a.ReceivesSocialMinimum, a.Insertion))];
    }

    /// <summary>Validated (or published) commissions meeting in the year: applications frozen for them, and those offered a seat by the decision (round 0).</summary>
    public async Task<IReadOnlyCollection<SessionFact>> SessionsAsync(CancellationToken ct)
    {
        var (first, last) = (FirstDay, LastDay);
        var sessions = await db.CommissionSessions.AsNoTracking()
            .Where(s => codes.Contains(s.CommuneCode) && (s.Status == CommissionStatus.Validated || s.Status == CommissionStatus.Published)
                && s.MeetingDate >= first && s.MeetingDate <= last)
            .Select(s => new { s.Id, s.Title, s.MeetingDate, s.CommuneCode }).ToListAsync(ct);
        if (sessions.Count == 0) return [];
        var ids = sessions.Select(s => s.Id).ToList();
        var examined = await db.CommissionEntries.AsNoTracking().Where(e => ids.Contains(e.SessionId))
            .GroupBy(e => e.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var offered = await db.PlaceOffers.AsNoTracking().Where(o => ids.Contains(o.SessionId) && o.Round == 0)
            .Select(o => new { o.SessionId, o.ApplicationId }).Distinct()
            .GroupBy(o => o.SessionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var french = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        return [.. sessions.OrderBy(s => s.MeetingDate).ThenBy(s => s.Title, StringComparer.Ordinal)
            .Select(s => new SessionFact(s.Id.ToString(), $"{s.Title} ({s.MeetingDate.ToString("d MMMM yyyy", french)})", s.CommuneCode,
                examined.GetValueOrDefault(s.Id), offered.GetValueOrDefault(s.Id)))];
    }

    /// <summary>Follow-up cases opened in the year, as the « zéro sans solution » indicator reads them.</summary>
    public async Task<IReadOnlyCollection<CaseTimes>> CasesAsync(CancellationToken ct)
    {
        var (start, end) = (Start, End);
        var cases = await db.FollowUpCases.AsNoTracking().Where(c => codes.Contains(c.CommuneCode) && c.OpenedAt >= start && c.OpenedAt < end)
            .Select(c => new { c.CommuneCode, c.OpenedAt, c.SolutionOn }).ToListAsync(ct);
        return [.. cases.Select(c => new CaseTimes(c.CommuneCode, ParisTime.DayOf(c.OpenedAt), c.SolutionOn))];
    }

    public async Task<IReadOnlyDictionary<string, int>> BirthsAsync(CancellationToken ct) =>
        await db.CommuneBirths.AsNoTracking().Where(b => codes.Contains(b.CommuneCode) && b.Year == year)
            .GroupBy(b => b.CommuneCode).Select(g => new { g.Key, Births = g.Sum(b => b.Births) })
            .ToDictionaryAsync(x => x.Key, x => x.Births, StringComparer.Ordinal, ct);

    public Task<IReadOnlyCollection<AvailabilityFact>> CollectiveVacanciesAsync(CancellationToken ct) => AvailabilityAsync(Collective, ct);

    public Task<IReadOnlyCollection<AvailabilityFact>> ChildminderAvailabilityAsync(CancellationToken ct) => AvailabilityAsync(Childminders, ct);

    /// <summary>Structures of these modes open today, each with the places of its declarations of less than 2 months (<see cref="Vacancy.FreshSince"/>).</summary>
    private async Task<IReadOnlyCollection<AvailabilityFact>> AvailabilityAsync(CareMode[] modes, CancellationToken ct)
    {
        var today = Today;
        var freshSince = Vacancy.FreshSince(now);
        var rows = await db.Facilities.AsNoTracking()
            .Where(f => codes.Contains(f.CommuneCode) && modes.Contains(f.Mode) && (f.ClosedOn == null || f.ClosedOn > today))
            .Select(f => new
            {
                f.CommuneCode,
                Places = f.Vacancies.Where(v => v.Places > 0 && v.DeclaredAt >= freshSince).Sum(v => (int?)v.Places) ?? 0,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new AvailabilityFact(r.CommuneCode, r.Places > 0, r.Places))];
    }

    public Task<bool> AnyOpeningDayAsync(CancellationToken ct) =>
        db.Facilities.AsNoTracking().AnyAsync(f => codes.Contains(f.CommuneCode) && f.OpenedOn != null, ct);

    /// <summary>Structures (not services) opened in the year, up to the reference day.</summary>
    public Task<IReadOnlyCollection<CapacityFact>> OpenedAsync(CancellationToken ct)
    {
        var (first, last) = (FirstDay, referenceDay);
        return CapacityAsync(db.Facilities.Where(f => f.OpenedOn >= first && f.OpenedOn <= last), ct);
    }

    /// <summary>Structures closed in the year, up to the reference day (a closure announced for later is not counted yet).</summary>
    public Task<IReadOnlyCollection<CapacityFact>> ClosedAsync(CancellationToken ct)
    {
        var (first, last) = (FirstDay, referenceDay);
        return CapacityAsync(db.Facilities.Where(f => f.ClosedOn >= first && f.ClosedOn <= last), ct);
    }

    /// <summary>The capacity of each structure: its sections, else its agrément (as <see cref="Facility.Capacity"/>).</summary>
    private async Task<IReadOnlyCollection<CapacityFact>> CapacityAsync(IQueryable<Facility> facilities, CancellationToken ct)
    {
        var rows = await facilities.AsNoTracking()
            .Where(f => codes.Contains(f.CommuneCode) && f.Mode != CareMode.Rpe && f.Mode != CareMode.Laep)
            .Select(f => new
            {
                f.CommuneCode, f.Mode,
                Sections = f.Sections.Sum(s => (int?)s.Places),
                Agrement = f.Agrement == null ? (int?)null : f.Agrement.Children,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new CapacityFact(r.CommuneCode, r.Mode.Code(), r.Mode.Label(), r.Sections is > 0 ? r.Sections.Value : r.Agrement ?? 0))];
    }

    /// <summary>
    /// Collective structures open today (issue 10): their sections with the places frozen today (<see cref="Staffing.OpenCapacity.ActiveOn"/>),
    /// their encadrement rule and their staffing table. Four queries, joined in memory.
    /// </summary>
    public async Task<IReadOnlyCollection<CrecheStaffingFact>> StaffingAsync(CancellationToken ct)
    {
        var today = Today;
        var facilities = db.Facilities.AsNoTracking()
            .Where(f => codes.Contains(f.CommuneCode) && Collective.Contains(f.Mode) && (f.ClosedOn == null || f.ClosedOn > today));
        var creches = await facilities.Select(f => new { f.Id, f.Name, f.CommuneCode }).ToListAsync(ct);
        var sections = (await facilities.SelectMany(f => f.Sections, (f, s) => new { f.Id, Section = s.Id, s.Places, s.MaxAgeMonths }).ToListAsync(ct))
            .ToLookup(s => s.Id);
        var frozen = (await db.PlaceFreezes.AsNoTracking().Where(Staffing.OpenCapacity.ActiveOn(today))
                .Where(p => facilities.Any(f => f.Id == p.FacilityId))
                .GroupBy(p => p.SectionId).Select(g => new { g.Key, Places = g.Sum(p => p.Places) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Places);
        var staffing = (await db.FacilityStaffings.AsNoTracking().Where(s => facilities.Any(f => f.Id == s.FacilityId)).ToListAsync(ct))
            .ToDictionary(s => s.FacilityId);
        return [.. creches.Select(c =>
        {
            var table = staffing.GetValueOrDefault(c.Id);
            return new CrecheStaffingFact(c.Id.ToString(), c.Name, c.CommuneCode, table?.Rule ?? EncadrementRule.FiveAndEight,
                [.. sections[c.Id].Select(s => new SectionStaffingFact(s.Places, frozen.GetValueOrDefault(s.Section),
                    s.MaxAgeMonths <= Staffing.Staff.IndexModel.WalkingAgeMonths))],
                [.. (table?.Positions ?? []).Select(p => new PositionFact(p.Profession, p.Filled, p.Vacant))]);
        })];
    }

    /// <summary>LAEP and relais open today: the parenting services the registry knows, though not how many families they reach.</summary>
    /// <summary>
    /// The schéma in force in the year for the territory's département (its period covers the year and it has a published fiche,
    /// as the public page /schema/{departement} chooses; of two, the one that starts later, then the one created later) and the « places prévues » of its published fiches for that year, in the territory's
    /// communes or for the whole département (a draft never counts: the API is public). Null without such a schéma.
    /// </summary>
    public async Task<(SchemaInForce? Schema, IReadOnlyCollection<PlannedPlacesFact> Planned)> PlannedPlacesAsync(CancellationToken ct)
    {
        var departements = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.DepartementCode).Distinct().ToListAsync(ct);
        var inForce = (await db.Schemas.AsNoTracking()
                .Where(s => departements.Contains(s.DepartementCode) && s.StartYear <= year && s.EndYear >= year
                    && db.ActionSheets.Any(a => a.SchemaId == s.Id && a.IsPublished))
                .Select(s => new { s.Id, s.DepartementCode, s.Title, s.StartYear, s.EndYear, s.CreatedAt }).ToListAsync(ct))
            .GroupBy(s => s.DepartementCode)
            .Select(g => g.OrderByDescending(s => s.StartYear).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id.Value).First())
            .OrderBy(s => s.DepartementCode, StringComparer.Ordinal)
            .ToList();
        if (inForce.Count == 0) return (null, []);
        var ids = inForce.Select(s => s.Id).ToList();
        var lines = await db.PlannedPlaces.AsNoTracking()
            .Where(p => p.Year == year && (p.CommuneCode == null || codes.Contains(p.CommuneCode)))
            .Join(db.ActionSheets.AsNoTracking().Where(s => s.IsPublished && ids.Contains(s.SchemaId)), p => p.SheetId, s => s.Id,
                (p, s) => new { p.Id, s.Number, p.CommuneCode, p.Places, p.Mode, p.Label, p.Position })
            .ToListAsync(ct);
        var schema = new SchemaInForce(string.Join(" ; ", inForce.Select(s => s.Title)), string.Join(" ; ", inForce.Select(s => $"{s.StartYear}-{s.EndYear}")));
        return (schema, [.. lines.OrderBy(l => Domain.Schema.ActionSheet.SortKey(l.Number), StringComparer.Ordinal).ThenBy(l => l.Position)
            .Select(l => new PlannedPlacesFact(l.Id.ToString(), l.Number, l.CommuneCode, l.Places, l.Mode, l.Label))]);
    }

    public async Task<(int Laep, int Rpe)> ParentingServicesAsync(CancellationToken ct)
    {
        var today = Today;
        var counts = await db.Facilities.AsNoTracking()
            .Where(f => codes.Contains(f.CommuneCode) && (f.Mode == CareMode.Laep || f.Mode == CareMode.Rpe) && (f.ClosedOn == null || f.ClosedOn > today))
            .GroupBy(f => f.Mode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.FirstOrDefault(c => c.Key == CareMode.Laep)?.Count ?? 0, counts.FirstOrDefault(c => c.Key == CareMode.Rpe)?.Count ?? 0);
    }
}
