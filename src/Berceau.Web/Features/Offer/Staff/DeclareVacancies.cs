using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>
/// A declaration of free places. Collective facilities answer per section (a row left empty keeps the section's last
/// declaration); childminders and MAM answer once, within their agrément.
/// </summary>
public sealed record VacancyInput
{
    public List<SectionVacancyInput> Sections { get; set; } = [];
    public string? Places { get; set; }
    public string? MinAgeMonths { get; set; }
    public string? MaxAgeMonths { get; set; }
    public string? From { get; set; }
    /// <summary>Days the places are free (childminders); none checked means the facility's opening days.</summary>
    public List<string> Days { get; set; } = [];
    /// <summary>More places later (« 1 place now, 2 more from September »): both or neither.</summary>
    public string? LaterPlaces { get; set; }
    public string? LaterFrom { get; set; }
}

public sealed record SectionVacancyInput
{
    public Guid SectionId { get; set; }
    public string? Places { get; set; }
    public string? From { get; set; }
}

/// <summary>How a facility declares its free places, if it does.</summary>
public enum VacancyKind { PerSection, Agrement, NotApplicable }

/// <summary>
/// Records declarations of free places. A new declaration replaces the previous one for the same section (or for the
/// whole childminder's offer): the old rows are deleted, the new ones added, and the audit line keeps the history.
/// The public portal counts declarations younger than 2 months (<see cref="Vacancy.IsFresh"/>).
/// </summary>
public sealed class DeclareVacancies(BerceauDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>A free place announced for more than this far ahead is not a vacancy yet.</summary>
    public const int MaxMonthsAhead = 24;

    public static VacancyKind KindOf(Facility f) =>
        f.Mode.IsCollective() ? VacancyKind.PerSection
        : FacilityForm.HasAgrement(f.Mode) ? VacancyKind.Agrement
        : VacancyKind.NotApplicable;

    /// <summary>Declares for a facility loaded with its sections and vacancies. The page checks <see cref="FacilityAccess.CanEdit"/>.</summary>
    public async Task<Outcome<int>> DeclareAsync(StaffMember user, Facility facility, VacancyInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!facility.IsOpenOn(today))
        {
            return Problem.Of("facility-closed", "", facility.ClosedOn!.Value);
        }
        var read = new InputReader();
        var declared = KindOf(facility) switch
        {
            VacancyKind.PerSection when facility.Sections.Count == 0 => Fail(read, "vacancy-no-section", ""),
            VacancyKind.PerSection => ReadSections(facility, input, today, read,
                await db.PlaceFreezes.AsNoTracking().Where(p => p.FacilityId == facility.Id).ToListAsync(ct)),
            VacancyKind.Agrement when facility.Agrement is null => Fail(read, "vacancy-no-agrement", ""),
            VacancyKind.Agrement => ReadAgrement(facility, facility.Agrement, input, today, read),
            _ => Fail(read, "vacancy-not-applicable", ""),
        };
        if (read.Problems.Count > 0)
        {
            return Outcome<int>.Failure(read.Problems);
        }

        var details = new Dictionary<string, object?>();
        var replaced = new HashSet<Vacancy>(facility.Vacancies);
        foreach (var (section, vacancy) in declared)
        {
            // A childminder's declaration replaces all of the previous one (now and later); a section's, that section's only.
            var previous = facility.Vacancies.Where(v => replaced.Contains(v) && (section is null || v.SectionId == section.Id)).ToList();
            var key = section?.Name ?? (details.ContainsKey("Agrément") ? "Agrément, plus tard" : "Agrément");
            details[key] = new Dictionary<string, object?>
            {
                ["places"] = new[] { previous.Count == 0 ? (int?)null : previous.Sum(v => v.Places), vacancy.Places },
                ["from"] = InputReader.Format(vacancy.From),
                ["ages"] = $"{vacancy.MinAgeMonths}-{vacancy.MaxAgeMonths}",
                ["days"] = vacancy.Days == WeekDays.None ? null : vacancy.Days.ToString(),
            };
            Remove(facility, previous);
            vacancy.DeclaredAt = now;
            vacancy.DeclaredBy = user.Name;
            facility.Vacancies.Add(vacancy);
            db.Vacancies.Add(vacancy);
        }
        audit.Record(FacilityAudit.VacanciesDeclared, FacilityAudit.EntityType, facility.Id.ToString(), FacilityAudit.Details(details));
        await db.SaveChangesAsync(ct);
        return declared.Count;
    }

    /// <summary>"I have no free place any more": removes the current declaration (childminders, MAM).</summary>
    public async Task WithdrawAsync(Facility facility, CancellationToken ct)
    {
        if (facility.Vacancies.Count == 0)
        {
            return;
        }
        var details = FacilityAudit.Details(new Dictionary<string, object?> { ["places"] = new[] { facility.Vacancies.Sum(v => v.Places), 0 } });
        Remove(facility, [.. facility.Vacancies]);
        audit.Record(FacilityAudit.VacanciesWithdrawn, FacilityAudit.EntityType, facility.Id.ToString(), details);
        await db.SaveChangesAsync(ct);
    }

    private void Remove(Facility facility, IReadOnlyList<Vacancy> vacancies)
    {
        foreach (var vacancy in vacancies)
        {
            facility.Vacancies.Remove(vacancy);
            db.Vacancies.Remove(vacancy);
        }
    }

    private static List<(Section? Section, Vacancy Vacancy)> Fail(InputReader read, string code, string field)
    {
        read.Add(code, field);
        return [];
    }

    /// <param name="freezes">Places gelées faute de personnel: a section cannot have more free places than places open that day.</param>
    private static List<(Section? Section, Vacancy Vacancy)> ReadSections(Facility facility, VacancyInput input, DateOnly today, InputReader read,
        IReadOnlyList<PlaceFreeze> freezes)
    {
        var declared = new List<(Section?, Vacancy)>();
        for (var row = 0; row < input.Sections.Count; row++)
        {
            var line = input.Sections[row];
            var prefix = $"{nameof(input.Sections)}[{row}].";
            if (string.IsNullOrWhiteSpace(line.Places) && string.IsNullOrWhiteSpace(line.From))
            {
                continue;
            }
            var section = facility.Sections.FirstOrDefault(s => s.Id == line.SectionId);
            if (section is null)
            {
                // The sections changed since the page was opened.
                read.Add("vacancy-section-changed", prefix + nameof(line.Places));
                continue;
            }
            var places = read.Integer(line.Places, prefix + nameof(line.Places), int.MinValue, int.MaxValue, required: true);
            if (places < 0 || places > section.Places)
            {
                read.Add("vacancy-section-range", prefix + nameof(line.Places), section.Name, section.Places);
                continue;
            }
            var from = ReadFrom(line.From, prefix + nameof(line.From), today, read);
            if (places is null || from is null) continue;
            var frozen = PlaceFreeze.FrozenOn(freezes, section, from.Value);
            if (places > section.Places - frozen)
            {
                read.Add("vacancy-section-open-range", prefix + nameof(line.Places), section.Name, section.Places - frozen, frozen);
                continue;
            }
            declared.Add((section, new Vacancy
            {
                SectionId = section.Id,
                Places = places.Value,
                From = from.Value,
                MinAgeMonths = section.MinAgeMonths,
                MaxAgeMonths = section.MaxAgeMonths,
            }));
        }
        if (declared.Count == 0 && read.Problems.Count == 0)
        {
            read.Add("vacancy-nothing", input.Sections.Count > 0 ? $"{nameof(input.Sections)}[0].{nameof(SectionVacancyInput.Places)}" : "");
        }
        return declared;
    }

    private static List<(Section? Section, Vacancy Vacancy)> ReadAgrement(Facility facility, Agrement agrement, VacancyInput input, DateOnly today, InputReader read)
    {
        var places = read.Integer(input.Places, nameof(input.Places), 1, agrement.Children, required: true);
        var min = read.Integer(input.MinAgeMonths, nameof(input.MinAgeMonths), agrement.MinAgeMonths, agrement.MaxAgeMonths, required: true);
        var max = read.Integer(input.MaxAgeMonths, nameof(input.MaxAgeMonths), agrement.MinAgeMonths, agrement.MaxAgeMonths, required: true);
        if (min is { } lo && max is { } hi && lo >= hi)
        {
            read.Add("age-order", nameof(input.MaxAgeMonths));
        }
        var from = ReadFrom(input.From, nameof(input.From), today, read);
        var days = read.Days(input.Days, nameof(input.Days));
        if (days == WeekDays.None) days = facility.OpeningDays;
        var later = ReadLater(agrement, input, places, from, today, read);
        if (places is null || min is null || max is null || from is null || min >= max || read.Problems.Count > 0)
        {
            return [];
        }
        var now = new Vacancy { Places = places.Value, From = from.Value, MinAgeMonths = min.Value, MaxAgeMonths = max.Value, Days = days };
        if (later is not { } more) return [(null, now)];
        return [(null, now), (null, new Vacancy { Places = more.Places, From = more.From, MinAgeMonths = min.Value, MaxAgeMonths = max.Value, Days = days })];
    }

    /// <summary>
    /// The optional places free later, on top of those free from <paramref name="from"/>: both fields or neither, a later date,
    /// and the two together within the agrément.
    /// </summary>
    private static (int Places, DateOnly From)? ReadLater(Agrement agrement, VacancyInput input, int? places, DateOnly? from, DateOnly today, InputReader read)
    {
        var hasPlaces = !string.IsNullOrWhiteSpace(input.LaterPlaces);
        var hasFrom = !string.IsNullOrWhiteSpace(input.LaterFrom);
        if (!hasPlaces && !hasFrom) return null;
        if (!hasPlaces || !hasFrom)
        {
            read.Add("am-later-incomplete", hasPlaces ? nameof(input.LaterFrom) : nameof(input.LaterPlaces));
            return null;
        }
        var room = agrement.Children - (places ?? 0);
        if (room < 1)
        {
            read.Add("out-of-range", nameof(input.LaterPlaces), 0, 0);
            return null;
        }
        var more = read.Integer(input.LaterPlaces, nameof(input.LaterPlaces), 1, room, required: true);
        var laterFrom = ReadFrom(input.LaterFrom, nameof(input.LaterFrom), today, read);
        if (laterFrom is { } date && from is { } start && date <= start)
        {
            read.Add("am-later-after-now", nameof(input.LaterFrom));
            return null;
        }
        return more is { } n && laterFrom is { } d ? (n, d) : null;
    }

    /// <summary>Empty means "from today"; a past date also means today (the place is free now).</summary>
    private static DateOnly? ReadFrom(string? text, string field, DateOnly today, InputReader read)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return today;
        }
        var from = read.Date(text, field);
        if (from is { } date && date > today.AddMonths(MaxMonthsAhead))
        {
            read.Add("vacancy-too-far", field, MaxMonthsAhead);
            return null;
        }
        return from is { } d && d < today ? today : from;
    }
}
