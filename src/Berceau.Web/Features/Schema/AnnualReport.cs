using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Governance;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Domain.Schema;
using Berceau.Web.Features.Observatory;
using Berceau.Web.Features.Observatory.Indicators;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema;

/// <summary>A fiche in the annual report: where it stood when the year began and ended, and the days its state moved.</summary>
public sealed record AnnualSheet(
    Guid Id, int AxisNumber, string Number, string Title, string Pilots, bool IsPublished,
    ProgressState StateAtStart, ProgressState StateAtEnd, DateOnly? StateOn, IReadOnlyList<StateChange> Changes, int PlannedInYear)
{
    /// <summary>« 1.1 – Intitulé », with « (brouillon) » for a fiche not published.</summary>
    public string Label => $"{Number} – {Title}" + (IsPublished ? "" : AnnualReportText.Draft);
}

/// <summary>An « état d'avancement » dated in the year.</summary>
public sealed record AnnualUpdate(AnnualSheet Sheet, DateOnly On, ProgressState State, string Comment);

/// <summary>An axe at the year's end: its fiches per state and the états d'avancement dated in the year.</summary>
public sealed record AnnualAxis(string Heading, int Number, ProgressTally Tally, IReadOnlyList<AnnualUpdate> Updates);

/// <summary>
/// An indicator of a fiche with its target, and, when it follows an observatory indicator, the observatory's value for the
/// département in the year and the year before (null: not available for that year).
/// </summary>
public sealed record AnnualIndicator(AnnualSheet Sheet, string Label, string? Target, ObservatoryIndicator? Observatory, decimal? Value, decimal? PreviousValue);

public sealed record AnnualFollowUp(string Title, string Owner, DateOnly DueOn, FollowUpStatus Status, bool Overdue, string? Comment);

public sealed record AnnualDecision(int Number, string Text, IReadOnlyList<AnnualFollowUp> FollowUps);

/// <summary>A meeting held in the year: instance, day, how many members came (present or represented) of those listed.</summary>
public sealed record AnnualMeeting(Guid Id, string Body, GovernanceKind Kind, DateOnly Date, int Present, int Represented, int Listed, IReadOnlyList<AnnualDecision> Decisions);

/// <summary>
/// The instances of the département whose meetings a reader finds in the report (<see cref="GovernanceAccess.CanRead"/>): all for
/// the secretariat, those its organisations sit in for a partner, none for other staff.
/// </summary>
public enum GovernanceReach { All, OwnOrganisations, None }

/// <summary>The places this schéma's fiches plan to open in the year, and the observatory's staff needed to open them.</summary>
public sealed record AnnualPlannedPlaces(int Places, int PublishedPlaces, Indicator? StaffNeeded);

/// <summary>
/// The « rapport annuel » of a schéma for a calendar year: one model for the page, the PDF and the XLSX annexes. Figures are
/// those of the year's last day (<see cref="On"/>: 31 December, or today for the current year), read from the états
/// d'avancement by the day they describe (<see cref="ProgressHistory"/>): an update dated after the year never changes it.
/// Governance lists only the instances the reader may open (<see cref="GovernanceAccess.CanRead"/>); the follow-up actions are
/// shown as they stand today (their states are not kept day by day).
/// </summary>
public sealed record AnnualReport(
    Sdsf Schema, string DepartementName, int Year, DateOnly On, DateOnly Today, IReadOnlyList<int> Years,
    ProgressTally Whole, ProgressTally WholeAtStart, IReadOnlyList<AnnualAxis> Axes, IReadOnlyList<AnnualSheet> Sheets,
    IReadOnlyList<AnnualIndicator> Indicators, AnnualPlannedPlaces? Planned, IReadOnlyList<AnnualMeeting> Meetings, GovernanceReach Governance)
{
    public IEnumerable<AnnualSheet> Moved => Sheets.Where(s => s.Changes.Count > 0);

    public IEnumerable<AnnualUpdate> Updates => Axes.SelectMany(a => a.Updates);

    public IEnumerable<AnnualFollowUp> FollowUps => Meetings.SelectMany(m => m.Decisions).SelectMany(d => d.FollowUps);

    public string Title => $"Rapport annuel {Year} – {Schema.Title}";

    public string FileName(string extension) => $"rapport-annuel-{Schema.DepartementCode}-{Schema.Period}-{Year}.{extension}";
}

/// <summary>The words the three outputs of the annual report share, so that the page, the PDF and the XLSX say the same.</summary>
public static class AnnualReportText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const string Draft = " (brouillon)";

    public static string Situation(AnnualReport r) => r.On.Year == r.Today.Year && r.On == r.Today
        ? $"situation au {OfferDisplay.Date(r.On)} (année en cours)" : $"situation au {OfferDisplay.Date(r.On)}";

    public static string Tally(ProgressTally t) =>
        $"{t.Total} fiches : {string.Join(", ", ProgressStates.All.Select(s => $"{s.Label().ToLowerInvariant()} {t.Count(s)}"))} ; part réalisée {SchemaDisplay.Percent(t.DonePercent)} (hors abandonnées)";

    public static string Change(StateChange c) => $"{OfferDisplay.Date(c.On)} : {c.From.Label().ToLowerInvariant()} → {c.To.Label().ToLowerInvariant()}";

    public static string Changes(AnnualSheet s) => string.Join(" ; ", s.Changes.Select(Change));

    public static string Rate(decimal? value) => value is { } v ? v.ToString("0.0", French) : "non disponible";

    public static string Figure(Indicator i) => i.Value is { } v ? $"{v.ToString("0.##", French)} {i.Definition.Unit}" : i.State.Label();

    public static string Attendance(AnnualMeeting m) =>
        m.Listed == 0 ? "présences non relevées" : $"{m.Present} présent{(m.Present > 1 ? "s" : "")}" + (m.Represented > 0 ? $", {m.Represented} représenté{(m.Represented > 1 ? "s" : "")}" : "") + $" sur {m.Listed}";

    /// <summary>« faite », « en retard », « en cours », « à faire »: late is not done and past its due day, today.</summary>
    public static string FollowUpState(AnnualFollowUp f) => f.Status == FollowUpStatus.Done ? "Faite" : f.Overdue ? "En retard" : f.Status.Label();

    public static string FollowUpCounts(AnnualReport r)
    {
        var all = r.FollowUps.ToList();
        var done = all.Count(f => f.Status == FollowUpStatus.Done);
        var late = all.Count(f => f.Overdue);
        return $"{all.Count} actions de suivi : {done} faites, {late} en retard, {all.Count - done - late} en cours ou à faire (au {OfferDisplay.Date(r.Today)})";
    }

    public static string GovernanceScope(AnnualReport r) => r.Governance switch
    {
        GovernanceReach.All => "Toutes les instances du département.",
        GovernanceReach.OwnOrganisations => "Seulement les instances où siège votre organisation : les autres ne vous sont pas ouvertes.",
        _ => "Les instances de gouvernance du département ne vous sont pas ouvertes : elles le sont au secrétariat du CDSF et aux organisations qui y siègent.",
    };

    /// <summary>« Aucune réunion tenue en 2025. », unless the reader opens no instance at all: then it would not be true to say so.</summary>
    public static string? NoMeeting(AnnualReport r) =>
        r.Meetings.Count > 0 || r.Governance == GovernanceReach.None ? null : $"Aucune réunion tenue en {r.Year}.";
}

/// <summary>Builds the <see cref="AnnualReport"/> from the schéma, its fiches, the observatory and the governance of the département.</summary>
public sealed class AnnualReports(BerceauDbContext db, SchemaQueries schemas, CoverageQueries coverage, IndicatorSnapshots snapshots)
{
    public const string StaffForPlannedCode = "personnel-pour-places-prevues";

    public async Task<AnnualReport> BuildAsync(Sdsf schema, SchemaUser user, int year, DateOnly today, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var on = end < today ? end : today;
        var axes = schema.Axes.ToDictionary(a => a.Id, a => a.Number);
        var fiches = await schemas.SheetsAsync(schema, publishedOnly: false, ct);
        var sheets = fiches.Select(f => (f.Sheet, Annual: new AnnualSheet(
            f.Row.Id, f.Row.AxisNumber, f.Row.Number, f.Row.Title, f.Row.Pilots, f.Row.IsPublished,
            ProgressHistory.StateAsOf(f.Sheet.Updates, start.AddDays(-1)), ProgressHistory.StateAsOf(f.Sheet.Updates, on),
            ProgressHistory.LatestAsOf(f.Sheet.Updates, on)?.On, ProgressHistory.Changes(f.Sheet.Updates, start, on),
            f.Sheet.PlannedPlaces.Where(p => p.Year == year).Sum(p => p.Places)))).ToList();

        var parts = schema.Axes.OrderBy(a => a.Number).Select(a =>
        {
            var of = sheets.Where(s => s.Annual.AxisNumber == a.Number).ToList();
            var updates = of.SelectMany(s => ProgressHistory.DatedIn(s.Sheet.Updates, year).Select(u => new AnnualUpdate(s.Annual, u.On, u.State, u.Comment)))
                .OrderBy(u => u.On).ThenBy(u => ActionSheet.SortKey(u.Sheet.Number), StringComparer.Ordinal).ToList();
            return new AnnualAxis(a.Label, a.Number, ProgressTally.Of(of.Select(s => s.Annual.StateAtEnd)), updates);
        }).ToList();

        var names = await schemas.DepartementNamesAsync([schema.DepartementCode], ct);
        var indicators = await IndicatorsAsync(schema.DepartementCode, year, sheets, ct);
        var planned = await PlannedAsync(schema.DepartementCode, year, sheets.Select(s => s.Annual).ToList(), ct);
        var meetings = await MeetingsAsync(schema.DepartementCode, user, year, today, ct);
        var sheetList = sheets.Select(s => s.Annual).ToList();
        return new AnnualReport(schema, names.GetValueOrDefault(schema.DepartementCode, schema.DepartementCode), year, on, today,
            AnnualReportYear.Choices(schema, today.Year), ProgressTally.Of(sheetList.Select(s => s.StateAtEnd)),
            ProgressTally.Of(sheetList.Select(s => s.StateAtStart)), parts, sheetList, indicators, planned, meetings,
            user.IsSecretariatOf(schema.DepartementCode) ? GovernanceReach.All
                : user.OrganisationsIn(schema.DepartementCode).Count > 0 ? GovernanceReach.OwnOrganisations : GovernanceReach.None);
    }

    /// <summary>Each indicator of each fiche; those linked to the observatory get the département's coverage rate of the year and the one before.</summary>
    private async Task<IReadOnlyList<AnnualIndicator>> IndicatorsAsync(string departement, int year, List<(ActionSheet Sheet, AnnualSheet Annual)> sheets, CancellationToken ct)
    {
        var linked = sheets.SelectMany(s => s.Sheet.Indicators).Any(i => ObservatoryIndicators.Find(i.ObservatoryKey) is not null);
        var rates = new Dictionary<int, Dictionary<string, decimal?>>();
        if (linked)
        {
            foreach (var y in new[] { year, year - 1 })
            {
                var (result, _) = await coverage.ForAsync(TerritoryKind.Departement, departement, y, ct);
                rates[y] = result?.Computed.Columns().ToDictionary(c => c.Column, c => c.Rate) ?? [];
            }
        }
        return [.. sheets.SelectMany(s => s.Sheet.Indicators.OrderBy(i => i.Position).Select(i =>
        {
            var observatory = ObservatoryIndicators.Find(i.ObservatoryKey);
            return new AnnualIndicator(s.Annual, i.Label, i.Target, observatory,
                observatory is null ? null : rates[year].GetValueOrDefault(observatory.Key),
                observatory is null ? null : rates[year - 1].GetValueOrDefault(observatory.Key));
        }))];
    }

    /// <summary>Only when a fiche plans places in the year: then the observatory's « personnel pour places prévues » of the département.</summary>
    private async Task<AnnualPlannedPlaces?> PlannedAsync(string departement, int year, List<AnnualSheet> sheets, CancellationToken ct)
    {
        var places = sheets.Sum(s => s.PlannedInYear);
        if (places == 0) return null;
        var served = await snapshots.GetAsync(departement, year, ct);
        var staff = served?.Report.Indicators.FirstOrDefault(i => i.Code == StaffForPlannedCode);
        return new AnnualPlannedPlaces(places, sheets.Where(s => s.IsPublished).Sum(s => s.PlannedInYear), staff);
    }

    /// <summary>The meetings held in the year by the instances of the département the person may open, with decisions and follow-up.</summary>
    private async Task<IReadOnlyList<AnnualMeeting>> MeetingsAsync(string departement, SchemaUser user, int year, DateOnly today, CancellationToken ct)
    {
        var bodies = (await db.GovernanceBodies.AsNoTracking().Include(b => b.Members).Where(b => b.DepartementCode == departement).ToListAsync(ct))
            .Where(b => GovernanceAccess.CanRead(user, b)).ToDictionary(b => b.Id);
        if (bodies.Count == 0) return [];
        var ids = bodies.Keys.ToList();
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var meetings = await db.GovernanceMeetings.AsNoTracking().Include(m => m.Attendance).Include(m => m.Decisions)
            .Where(m => ids.Contains(m.BodyId) && m.Status == GovernanceMeetingStatus.Held && m.Date >= start && m.Date <= end)
            .AsSplitQuery().ToListAsync(ct);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var actions = await db.DecisionFollowUps.AsNoTracking().Where(a => meetingIds.Contains(a.MeetingId)).ToListAsync(ct);
        var owners = await db.PartnerOrganisations.AsNoTracking().Where(o => o.DepartementCode == departement).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. meetings.OrderBy(m => m.Date).ThenBy(m => m.StartsAt).ThenBy(m => m.Id).Select(m => new AnnualMeeting(
            m.Id, bodies[m.BodyId].Name, bodies[m.BodyId].Kind, m.Date,
            m.Attendance.Count(a => a.Presence == Presence.Present), m.Attendance.Count(a => a.Presence != Presence.Present && a.RepresentedBy is not null),
            m.Attendance.Count,
            [.. m.Decisions.OrderBy(d => d.Number).Select(d => new AnnualDecision(d.Number, d.Text,
                [.. DecisionFollowUp.InTableOrder(actions.Where(a => a.DecisionId == d.Id), a => a, today)
                    .Select(a => new AnnualFollowUp(a.Title, owners.GetValueOrDefault(a.OwnerId, ""), a.DueOn, a.Status, a.IsOverdue(today), a.Comment))]))]))];
    }
}
