using System.Globalization;
using System.Text.Json;
using Berceau.Data.Import;
using Berceau.Domain.Schema;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Seed;

/// <summary>
/// Loads a département's schémas (axes, fiches actions, their pilots and recorded progress) from data/schema_{dep}.json, a
/// transcription of the CDSF's own documents that names them. Every fiche goes through the domain's verbs, so the file is
/// checked like a form; nothing is written if one entry is wrong. Skipped when the file is absent or the département already
/// has a schéma (idempotent, and never over a schéma the secretariat has started editing).
/// </summary>
public static class SchemaSeeder
{
    /// <summary>The author of the progress updates read from the documents: no account wrote them.</summary>
    public const string DocumentsAuthor = "documents-sources";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string FileName(string departement) => $"schema_{departement}.json";

    public static async Task<int> SeedAsync(BerceauDbContext db, string dataFolder, string departement, DateTimeOffset now, CancellationToken ct = default)
    {
        var path = Path.Combine(dataFolder, FileName(departement));
        if (!File.Exists(path) || await db.Schemas.AnyAsync(s => s.DepartementCode == departement, ct)) return 0;
        SeedFile file;
        await using (var stream = File.OpenRead(path))
            file = await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, ct) ?? throw new ImportException(FileName(departement), null, null, "le fichier est vide.");
        if (file.Departement != departement) throw new ImportException(FileName(departement), null, null, $"le fichier décrit le département « {file.Departement} ».");

        var organisations = new Dictionary<string, PartnerOrganisation>(StringComparer.Ordinal);
        foreach (var name in file.Organisations)
            organisations[name] = Check(PartnerOrganisation.Create(departement, name, organisations.Keys), name);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var schemas = new List<Sdsf>();
        var sheets = new List<ActionSheet>();
        foreach (var entry in file.Schemas)
        {
            var schema = Check(Sdsf.Create(departement, entry.Title, entry.StartYear, entry.EndYear, entry.Source, now), entry.Title);
            foreach (var axis in entry.Axes) Check(schema.AddAxis(axis.Number, axis.Title), $"{entry.Title}, axe {axis.Number}");
            var numbers = new List<string>();
            foreach (var s in entry.Sheets)
            {
                var where = $"{entry.Title}, fiche {s.Number}";
                var axis = schema.Axes.FirstOrDefault(a => a.Number == s.Axis) ?? throw new ImportException(FileName(departement), null, null, $"{where} : l'axe {s.Axis} n'existe pas.");
                var content = new ActionSheetContent(s.Title, Lines(s.Issues), s.Actors, Lines(s.KeyActions), s.Schedule, s.Means,
                    [.. s.Indicators.Select(i => new IndicatorLine(i.Label, i.Target, i.ObservatoryKey))]);
                var sheet = Check(ActionSheet.Create(schema.Id, axis.Id, s.Number, numbers, content, now), where);
                numbers.Add(sheet.Number);
                PartnerOrganisationId Organisation(string name) =>
                    organisations.TryGetValue(name, out var o) ? o.Id : throw new ImportException(FileName(departement), null, null, $"{where} : l'organisation « {name} » n'est pas déclarée.");
                Check(sheet.AssignPilots(s.Pilot is null ? null : Organisation(s.Pilot), [.. s.CoPilots.Select(Organisation)]), where);
                foreach (var p in s.Progress)
                {
                    var on = DateOnly.ParseExact(p.On, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    Check(sheet.RecordProgress(on, Enum.Parse<ProgressState>(p.State), p.Comment, today, now, DocumentsAuthor), where);
                }
                if (s.Published) sheet.Publish();
                sheets.Add(sheet);
            }
            schemas.Add(schema);
        }
        db.PartnerOrganisations.AddRange(organisations.Values);
        db.Schemas.AddRange(schemas);
        db.ActionSheets.AddRange(sheets);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return sheets.Count;
    }

    private static string? Lines(IReadOnlyList<string>? lines) => lines is null || lines.Count == 0 ? null : string.Join('\n', lines);

    private static T Check<T>(Domain.Common.Outcome<T> outcome, string where) => outcome.IsSuccess
        ? outcome.Value
        : throw new ImportException("schema", null, null, $"{where} : {string.Join(" ", outcome.Problems.Select(p => $"{p.Field} : {p.Message}"))}");

    private sealed record SeedFile(string Departement, IReadOnlyList<string> Organisations, IReadOnlyList<SeedSchema> Schemas);

    private sealed record SeedSchema(string Title, int StartYear, int EndYear, string? Source, IReadOnlyList<SeedAxis> Axes, IReadOnlyList<SeedSheet> Sheets);

    private sealed record SeedAxis(int Number, string Title);

    private sealed record SeedSheet(int Axis, string Number, string Title, IReadOnlyList<string>? Issues, string? Pilot, string? Actors,
        IReadOnlyList<string>? KeyActions, string? Schedule, string? Means, bool Published)
    {
        public IReadOnlyList<string> CoPilots { get; init; } = [];
        public IReadOnlyList<SeedIndicator> Indicators { get; init; } = [];
        public IReadOnlyList<SeedProgress> Progress { get; init; } = [];
    }

    private sealed record SeedIndicator(string Label, string? Target, string? ObservatoryKey);

    private sealed record SeedProgress(string On, string State, string Comment);
}
