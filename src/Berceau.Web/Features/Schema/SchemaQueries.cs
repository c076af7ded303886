using Berceau.Data;
using Berceau.Domain.Schema;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema;

public sealed record SchemaListRow(Guid Id, string Departement, string DepartementName, string Title, string Period, int Sheets, int Published);

/// <summary>A line of the tracking table, as the seeds' « suivi des actions » tables have them.</summary>
public sealed record SheetRow(
    Guid Id, int AxisNumber, string Number, string Title, string? Pilot, IReadOnlyList<string> CoPilots, ProgressState State, DateOnly? StateOn,
    string? LatestComment, bool IsPublished, IReadOnlyList<ActionSheetIndicator> Indicators)
{
    /// <summary>The fiche's « places prévues », in words (<see cref="SchemaDisplay.Planned"/>).</summary>
    public IReadOnlyList<string> PlannedPlaces { get; init; } = [];

    public int PlannedTotal { get; init; }

    public string Pilots => string.Join(", ", new[] { Pilot }.Concat(CoPilots).OfType<string>());
}

public sealed record SheetFilter(int? Axis, Guid? Organisation, ProgressState? State)
{
    public bool Keeps(SheetRow row, ActionSheet sheet) =>
        (Axis is null || row.AxisNumber == Axis)
        && (State is null || row.State == State)
        && (Organisation is not { } o || sheet.IsPilotedBy([new PartnerOrganisationId(o)]));
}

/// <summary>The figures of one axe, or of the whole schéma, with its fiches.</summary>
public sealed record ReportPart(string Heading, ProgressTally Tally, IReadOnlyList<SheetRow> Sheets);

/// <summary>The « état d'avancement » of a schéma (or of one axe), on a given day.</summary>
public sealed record SchemaReport(Sdsf Schema, string DepartementName, DateOnly On, SchemaAxis? OnlyAxis, ProgressTally Whole, IReadOnlyList<ReportPart> Axes, bool PublishedOnly);

/// <summary>Reads of the schéma: list, tracking table, organisations, report. Hand-written projections, no tracking.</summary>
public sealed class SchemaQueries(BerceauDbContext db)
{
    public async Task<IReadOnlyList<SchemaListRow>> ListAsync(IReadOnlySet<string> departements, CancellationToken ct)
    {
        var codes = departements.ToList();
        var schemas = await db.Schemas.AsNoTracking().Where(s => codes.Contains(s.DepartementCode))
            .Select(s => new { s.Id, s.DepartementCode, s.Title, s.StartYear, s.EndYear }).ToListAsync(ct);
        var ids = schemas.Select(s => s.Id).ToList();
        var counts = await db.ActionSheets.AsNoTracking().Where(a => ids.Contains(a.SchemaId))
            .GroupBy(a => a.SchemaId).Select(g => new { g.Key, All = g.Count(), Published = g.Count(a => a.IsPublished) }).ToListAsync(ct);
        var names = await DepartementNamesAsync(codes, ct);
        return [.. schemas.OrderBy(s => s.DepartementCode).ThenByDescending(s => s.StartYear)
            .Select(s => new SchemaListRow(s.Id.Value, s.DepartementCode, names.GetValueOrDefault(s.DepartementCode, s.DepartementCode), s.Title, $"{s.StartYear}-{s.EndYear}",
                counts.FirstOrDefault(c => c.Key == s.Id)?.All ?? 0, counts.FirstOrDefault(c => c.Key == s.Id)?.Published ?? 0))];
    }

    public async Task<Dictionary<string, string>> DepartementNamesAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await db.Departements.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);

    /// <summary>The communes of a département, INSEE code → name, in French alphabetical order.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CommuneNamesAsync(string departement, CancellationToken ct)
    {
        var communes = await db.Communes.AsNoTracking().Where(c => c.DepartementCode == departement).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);
        var ordered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in communes.OrderBy(c => c.Name, french)) ordered[c.Code] = c.Name;
        return ordered;
    }

    /// <summary>The organisations of a département, by name: for the pilot choices and to name pilots.</summary>
    public async Task<IReadOnlyList<PartnerOrganisation>> OrganisationsAsync(string departement, CancellationToken ct) =>
        await db.PartnerOrganisations.AsNoTracking().Include(o => o.Members).Where(o => o.DepartementCode == departement).OrderBy(o => o.Name).ToListAsync(ct);

    /// <summary>The fiches of a schéma in the order of the plan (axe, then number), with what the table and the report show.</summary>
    public async Task<List<(ActionSheet Sheet, SheetRow Row)>> SheetsAsync(Sdsf schema, bool publishedOnly, CancellationToken ct)
    {
        var query = db.ActionSheets.AsNoTracking().Include(s => s.CoPilots).Include(s => s.Indicators).Include(s => s.PlannedPlaces).Include(s => s.Updates)
            .Where(s => s.SchemaId == schema.Id);
        if (publishedOnly) query = query.Where(s => s.IsPublished);
        var sheets = await query.AsSplitQuery().ToListAsync(ct);
        var names = (await db.PartnerOrganisations.AsNoTracking().Where(o => o.DepartementCode == schema.DepartementCode)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        var axes = schema.Axes.ToDictionary(a => a.Id, a => a.Number);
        var communes = sheets.Any(s => s.PlannedPlaces.Count > 0) ? await CommuneNamesAsync(schema.DepartementCode, ct) : new Dictionary<string, string>();
        return [.. sheets
            .Select(s => (Sheet: s, Row: Row(s, axes.GetValueOrDefault(s.AxisId), names) with
            {
                PlannedPlaces = [.. s.PlannedPlaces.OrderBy(p => p.Position).Select(p => SchemaDisplay.Planned(p, communes))],
                PlannedTotal = s.PlannedPlaces.Sum(p => p.Places),
            }))
            .OrderBy(x => x.Row.AxisNumber).ThenBy(x => ActionSheet.SortKey(x.Row.Number), StringComparer.Ordinal)];
    }

    public async Task<SchemaReport> ReportAsync(Sdsf schema, int? axisNumber, DateOnly on, bool publishedOnly, CancellationToken ct)
    {
        var rows = (await SheetsAsync(schema, publishedOnly, ct)).Select(x => x.Row).ToList();
        var only = axisNumber is { } n ? schema.Axes.FirstOrDefault(a => a.Number == n) : null;
        var parts = schema.Axes.Where(a => only is null || a.Id == only.Id).OrderBy(a => a.Number)
            .Select(a =>
            {
                var sheets = rows.Where(r => r.AxisNumber == a.Number).ToList();
                return new ReportPart(a.Label, ProgressTally.Of(sheets.Select(r => r.State)), sheets);
            })
            .ToList();
        var whole = ProgressTally.Of(rows.Where(r => only is null || r.AxisNumber == only.Number).Select(r => r.State));
        var names = await DepartementNamesAsync([schema.DepartementCode], ct);
        return new SchemaReport(schema, names.GetValueOrDefault(schema.DepartementCode, schema.DepartementCode), on, only, whole, parts, publishedOnly);
    }

    /// <summary>The names of the people who wrote progress updates (the documents' transcription has no account).</summary>
    public async Task<Dictionary<string, string>> AuthorsAsync(IEnumerable<ProgressUpdate> updates, CancellationToken ct)
    {
        var ids = updates.Select(u => u.By).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
    }

    private static SheetRow Row(ActionSheet s, int axis, Dictionary<PartnerOrganisationId, string> names)
    {
        var latest = s.Updates.OrderByDescending(u => u.On).ThenByDescending(u => u.At).FirstOrDefault();
        return new SheetRow(s.Id.Value, axis, s.Number, s.Title, s.PilotId is { } p ? names.GetValueOrDefault(p) : null,
            [.. s.CoPilots.Select(c => names.GetValueOrDefault(c.OrganisationId)).OfType<string>().Order(StringComparer.CurrentCulture)],
            s.State, s.StateOn, latest?.Comment, s.IsPublished, [.. s.Indicators.OrderBy(i => i.Position)]);
    }
}
