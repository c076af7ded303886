using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Import;

/// <summary>What an import did. Rows of départements this deployment does not hold are skipped, not refused.</summary>
public sealed record ObservatoryImportReport(string File, int Added, int Updated, int Unchanged, int SkippedElsewhere)
{
    public bool ChangedNothing => Added == 0 && Updated == 0;

    public override string ToString() =>
        $"{File} : {Added} ligne(s) ajoutée(s), {Updated} modifiée(s), {Unchanged} inchangée(s)"
        + (SkippedElsewhere > 0 ? $", {SkippedElsewhere} ignorée(s) (communes d’autres départements)" : "") + ".";
}

/// <summary>
/// Imports the observatory's open data: the Cnaf coverage file and INSEE births / children under 3. Both are
/// all-or-nothing: the whole file is read and checked (syntax, values, communes known) before anything is written, and
/// written in one transaction. Both are idempotent: a row is keyed by its commune and year and only written when its
/// figures differ, so importing the same file again changes nothing; a corrected file updates the rows it corrects.
/// </summary>
/// <exception cref="ImportException">The file is wrong; the message gives the line, the column and the reason.</exception>
public static class ObservatoryImport
{
    public static async Task<ObservatoryImportReport> CnafAsync(BerceauDbContext db, CsvFile csv, CancellationToken ct = default)
    {
        var records = CnafCoverageReader.Read(csv);
        var known = await KnownCommunesAsync(db, ct);
        var column = csv.ColumnLabel(csv.Column("code_commune_actuel"));
        var kept = new List<CnafCoverage>();
        var skipped = 0;
        foreach (var record in records.OrderBy(r => r.Line))
        {
            if (!Check(known, record.Coverage.CommuneCode, csv.FileName, record.Line, column))
            {
                skipped++;
                continue;
            }
            kept.Add(record.Coverage);
        }

        return await InTransactionAsync(db, async () =>
        {
            var years = kept.Select(c => c.Year).Distinct().ToList();
            var existing = await db.CnafCoverages.Where(c => years.Contains(c.Year)).ToDictionaryAsync(c => (c.SourceCommuneCode, c.Year), ct);
            int added = 0, updated = 0, unchanged = 0;
            foreach (var row in kept)
            {
                if (!existing.TryGetValue((row.SourceCommuneCode, row.Year), out var current))
                {
                    db.CnafCoverages.Add(row);
                    added++;
                }
                else if (current.SameFiguresAs(row))
                {
                    unchanged++;
                }
                else
                {
                    current.CopyFiguresFrom(row);
                    updated++;
                }
            }
            await db.SaveChangesAsync(ct);
            return new ObservatoryImportReport(csv.FileName, added, updated, unchanged, skipped);
        }, ct);
    }

    /// <summary>
    /// The national Cnaf file (data/cnaf_taux_couverture_communes_france.csv), summed per year into the « France »
    /// reference of the observatory (<see cref="CnafNationalCoverage"/>): every row is read and checked as for
    /// <see cref="CnafAsync"/>, whatever its département, and a file that does not cover the country is refused, since
    /// its sums would not be France. Idempotent per year. The communes of our départements are not written here: import
    /// the same file with <see cref="CnafAsync"/> for them.
    /// </summary>
    public static async Task<ObservatoryImportReport> CnafFranceAsync(BerceauDbContext db, CsvFile csv, CancellationToken ct = default)
    {
        var records = CnafCoverageReader.Read(csv);
        var departements = records.Select(r => DepartementOf(r.Coverage.CommuneCode)).Distinct().Count();
        if (departements < MinDepartementsForFrance)
            throw new ImportException(csv.FileName, null, csv.ColumnLabel(csv.Column("code_commune_actuel")),
                $"ce fichier ne couvre que {departements} département(s) : la référence « France » demande le fichier national "
                + $"de la Cnaf (au moins {MinDepartementsForFrance} départements, par exemple data/cnaf_taux_couverture_communes_france.csv).");
        var sums = CnafNationalCoverage.Sum(records.Select(r => r.Coverage));

        return await InTransactionAsync(db, async () =>
        {
            var existing = await db.CnafNationalCoverages.ToDictionaryAsync(n => n.Year, ct);
            int added = 0, updated = 0, unchanged = 0;
            foreach (var year in sums)
            {
                if (!existing.TryGetValue(year.Year, out var current)) { db.CnafNationalCoverages.Add(year); added++; }
                else if (current.SameFiguresAs(year)) unchanged++;
                else { current.CopyFiguresFrom(year); updated++; }
            }
            await db.SaveChangesAsync(ct);
            return new ObservatoryImportReport(csv.FileName, added, updated, unchanged, 0);
        }, ct);
    }

    /// <summary>The national file has every département of metropolitan France and overseas; a regional extract is not France.</summary>
    public const int MinDepartementsForFrance = 90;

    public static async Task<ObservatoryImportReport> InseeAsync(BerceauDbContext db, CsvFile csv, CancellationToken ct = default)
    {
        var file = BirthsReader.ReadInsee(csv);
        var known = await KnownCommunesAsync(db, ct);
        var column = csv.ColumnLabel(csv.Column("code_insee_actuel"));
        var births = new List<CommuneBirths>();
        var children = new List<CommuneChildrenUnder3>();
        var skipped = 0;
        foreach (var b in file.Births.OrderBy(b => b.Line))
        {
            if (Check(known, b.Births.CommuneCode, csv.FileName, b.Line, column)) births.Add(b.Births);
            else skipped++;
        }
        foreach (var c in file.ChildrenUnder3.OrderBy(c => c.Line))
        {
            if (Check(known, c.Children.CommuneCode, csv.FileName, c.Line, column)) children.Add(c.Children);
            else skipped++;
        }

        return await InTransactionAsync(db, async () =>
        {
            int added = 0, updated = 0, unchanged = 0;
            var birthYears = births.Select(b => b.Year).Distinct().ToList();
            var existingBirths = await db.CommuneBirths.Where(b => birthYears.Contains(b.Year)).ToDictionaryAsync(b => (b.CommuneCode, b.Year), ct);
            foreach (var b in births)
            {
                if (!existingBirths.TryGetValue((b.CommuneCode, b.Year), out var current)) { db.CommuneBirths.Add(b); added++; }
                else if (current.Births == b.Births) unchanged++;
                else { current.Births = b.Births; updated++; }
            }
            var childYears = children.Select(c => c.Year).Distinct().ToList();
            var existingChildren = await db.CommuneChildrenUnder3.Where(c => childYears.Contains(c.Year)).ToDictionaryAsync(c => (c.CommuneCode, c.Year), ct);
            foreach (var c in children)
            {
                if (!existingChildren.TryGetValue((c.CommuneCode, c.Year), out var current)) { db.CommuneChildrenUnder3.Add(c); added++; }
                else if (current.Children == c.Children) unchanged++;
                else { current.Children = c.Children; updated++; }
            }
            await db.SaveChangesAsync(ct);
            return new ObservatoryImportReport(csv.FileName, added, updated, unchanged, skipped);
        }, ct);
    }

    private sealed record KnownCommunes(HashSet<string> Departements, HashSet<string> Communes);

    private static async Task<KnownCommunes> KnownCommunesAsync(BerceauDbContext db, CancellationToken ct) => new(
        (await db.Departements.Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
        (await db.Communes.Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// True when the commune is ours; false when it belongs to a département this deployment does not hold (the national
    /// Cnaf file can be imported as it is); an error when it is in one of our départements but unknown there.
    /// </summary>
    private static bool Check(KnownCommunes known, string commune, string file, int line, string column)
    {
        if (known.Communes.Contains(commune))
            return true;
        var departement = DepartementOf(commune);
        if (!known.Departements.Contains(departement))
            return false;
        throw new ImportException(file, line, column,
            $"la commune {commune} n’existe pas dans le département {departement} (code officiel géographique en vigueur ; "
            + "les anciens codes vont dans la colonne de la commune d’origine).");
    }

    /// <summary>The département of a commune code: 2 characters (93, 2A), 3 overseas (971–976).</summary>
    public static string DepartementOf(string commune) => commune.StartsWith("97", StringComparison.Ordinal) ? commune[..3] : commune[..2];

    private static Task<ObservatoryImportReport> InTransactionAsync(BerceauDbContext db, Func<Task<ObservatoryImportReport>> write, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var report = await write();
            if (transaction is not null)
                await transaction.CommitAsync(ct);
            return report;
        });
    }
}
