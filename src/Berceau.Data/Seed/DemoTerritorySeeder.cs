using Berceau.Data.Import;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Seed;

/// <summary>
/// Loads the real open data of a département (communes, EPT/EPCI, boundaries, Cnaf places, births) and generates a demo
/// offer whose places per commune and per Cnaf category equal the published figures. Idempotent per département, and
/// all-or-nothing: every file is read and checked before anything is written, and everything is written in one
/// transaction.
/// </summary>
public static class DemoTerritorySeeder
{
    /// <summary>Départements for which data/ has all the files, with their official names.</summary>
    public static IReadOnlyDictionary<string, string> Supported { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["93"] = "Seine-Saint-Denis",
        ["92"] = "Hauts-de-Seine",
    };

    /// <summary>
    /// Seeds the given départements (codes of <see cref="Supported"/>) from <paramref name="dataFolder"/>
    /// (usually <see cref="DataFiles.DefaultFolder"/>). Use a fresh context: it is saved and its change tracker cleared.
    /// </summary>
    /// <exception cref="ImportException">A data file is missing or wrong; nothing was written.</exception>
    public static async Task<SeedReport> SeedAsync(
        BerceauDbContext db, string dataFolder, IReadOnlyList<string> departements, DateTimeOffset now, CancellationToken ct = default)
    {
        var requested = departements.Distinct(StringComparer.Ordinal).ToList();
        if (requested.FirstOrDefault(d => !Supported.ContainsKey(d)) is { } unknown)
            throw new ArgumentException(
                $"Département « {unknown} » non disponible pour la démonstration : {string.Join(", ", Supported.Keys)} seulement.",
                nameof(departements));

        var present = await db.Departements.Select(d => d.Code).ToListAsync(ct);
        var toAdd = requested.Where(d => !present.Contains(d)).ToList();
        if (toAdd.Count == 0)
            return new SeedReport { DepartementsSkipped = requested };

        // Read and check every file before the first write: a broken file must leave the database as it was.
        var plans = Plan(dataFolder, toAdd, now);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            // Every entity is added, never modified: no change detection needed, and scanning thousands of entries
            // at each Add would make the seed quadratic.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                var report = await WriteAsync(db, plans, requested, ct);
                if (transaction is not null)
                    await transaction.CommitAsync(ct);
                return report;
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        });
    }

    private sealed record DepartementPlan(
        Departement Departement,
        IReadOnlyList<Intercommunality> Intercommunalities,
        IReadOnlyList<Commune> Communes,
        IReadOnlyList<CnafCoverage> Coverages,
        IReadOnlyList<CommuneBirths> Births,
        IReadOnlyList<Facility> Facilities,
        IReadOnlyList<string> EstimatedCommunes);

    private static List<DepartementPlan> Plan(string dataFolder, IReadOnlyList<string> departements, DateTimeOffset now)
    {
        var cnafPath = Path.Combine(dataFolder, DataFiles.CnafCoverage);
        var birthsPath = Path.Combine(dataFolder, DataFiles.Births);
        var referencePath = Path.Combine(dataFolder, DataFiles.EajeReference);
        var cnaf = CnafCoverageReader.Read(cnafPath);
        var births = BirthsReader.Read(birthsPath);
        var reference = EajeReference.From(DataFiles.EajeReference, EajeReferenceReader.Read(referencePath));

        return departements.Select(code =>
        {
            var communesFile = DataFiles.Communes(code);
            var boundariesFile = DataFiles.Boundaries(code);
            var rows = CommuneCsvReader.Read(Path.Combine(dataFolder, communesFile));
            var boundaries = CommuneBoundaryReader.Read(Path.Combine(dataFolder, boundariesFile));
            CheckConsistency(code, rows, boundaries, communesFile, boundariesFile);
            var codes = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

            var coverages = cnaf.Where(c => c.Coverage.CommuneCode.StartsWith(code, StringComparison.Ordinal)).ToList();
            if (coverages.FirstOrDefault(c => !codes.Contains(c.Coverage.CommuneCode)) is { } orphan)
                throw new ImportException(DataFiles.CnafCoverage, orphan.Line, "code_commune_actuel",
                    $"la commune {orphan.Coverage.CommuneCode} n’existe pas dans {communesFile}.");
            var communeBirths = births.Where(b => b.Births.CommuneCode.StartsWith(code, StringComparison.Ordinal)).ToList();
            if (communeBirths.FirstOrDefault(b => !codes.Contains(b.Births.CommuneCode)) is { } orphanBirths)
                throw new ImportException(DataFiles.Births, orphanBirths.Line, "code_insee_actuel",
                    $"la commune {orphanBirths.Births.CommuneCode} n’existe pas dans {communesFile}.");

            var communes = rows.Select(r => new Commune
            {
                Code = r.Code,
                Name = r.Name,
                DepartementCode = r.DepartementCode,
                EpciCode = r.EpciCode,
                EptCode = r.EptCode,
                Population = r.Population,
                PostalCodes = string.Join('|', r.PostalCodes),
                BoundaryGeoJson = boundaries[r.Code].GeometryJson,
            }).ToList();

            var (targets, estimated) = Targets(rows, coverages.Select(c => c.Coverage).ToList());
            var agrementSequence = 0;
            string NextAgrementNumber() => $"DEMO-{code}-{++agrementSequence:D5}";
            var facilities = rows
                .OrderBy(r => r.Code, StringComparer.Ordinal)
                .SelectMany(r => DemoOfferGenerator.Generate(
                    new DemoCommune(r.Code, r.Name, r.Population, r.PostalCodes, boundaries[r.Code].Shape),
                    targets[r.Code], reference, now, NextAgrementNumber))
                .ToList();

            return new DepartementPlan(
                new Departement { Code = code, Name = Supported[code] },
                Intercommunalities(rows),
                communes,
                [.. coverages.Select(c => c.Coverage)],
                [.. communeBirths.Select(b => b.Births)],
                facilities,
                estimated);
        }).ToList();
    }

    private static void CheckConsistency(string code, IReadOnlyList<CommuneRow> rows, IReadOnlyDictionary<string, CommuneBoundary> boundaries,
        string communesFile, string boundariesFile)
    {
        if (rows.FirstOrDefault(r => r.DepartementCode != code) is { } foreign)
            throw new ImportException(communesFile, foreign.Line, "departement",
                $"la commune {foreign.Code} est du département {foreign.DepartementCode}, pas du {code}.");
        if (rows.FirstOrDefault(r => !boundaries.ContainsKey(r.Code)) is { } withoutBoundary)
            throw new ImportException(boundariesFile, null, null,
                $"aucune géométrie pour la commune {withoutBoundary.Code} ({withoutBoundary.Name}, {communesFile} ligne {withoutBoundary.Line}).");
        var codes = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        if (boundaries.Values.OrderBy(b => b.Line).FirstOrDefault(b => !codes.Contains(b.CommuneCode)) is { } extra)
            throw new ImportException(boundariesFile, extra.Line, null, $"la commune {extra.CommuneCode} n’existe pas dans {communesFile}.");
    }

    private static List<Intercommunality> Intercommunalities(IReadOnlyList<CommuneRow> rows)
    {
        var result = new List<Intercommunality>();
        foreach (var r in rows)
        {
            if (r.EpciCode is { } epci && result.All(i => i.Code != epci))
                result.Add(new Intercommunality { Code = epci, Name = r.EpciName ?? epci, Kind = IntercommunalityKind.Epci });
            if (r.EptCode is { } ept && result.All(i => i.Code != ept))
                result.Add(new Intercommunality { Code = ept, Name = r.EptName ?? ept, Kind = IntercommunalityKind.Ept });
        }
        return result;
    }

    /// <summary>
    /// Places to generate per commune: the commune's latest Cnaf figures; for communes the Cnaf does not publish (under
    /// 10,000 inhabitants), the département's places per inhabitant (over communes with a row in the latest year)
    /// applied to their population.
    /// </summary>
    private static (Dictionary<string, OfferTargets> Targets, List<string> Estimated) Targets(
        IReadOnlyList<CommuneRow> rows, IReadOnlyList<CnafCoverage> coverages)
    {
        // A current commune's places of a year add up its rows (93066 Saint-Denis = its own row + 93059 Pierrefitte's).
        var latest = coverages
            .GroupBy(c => c.CommuneCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var year = g.Max(c => c.Year);
                var rows = g.Where(c => c.Year == year).ToList();
                return new OfferTargets(rows.Sum(c => c.PlacesEajePsu), rows.Sum(c => c.PlacesEajeNonPsu), rows.Sum(c => c.PlacesChildminders));
            }, StringComparer.Ordinal);
        var targets = new Dictionary<string, OfferTargets>(StringComparer.Ordinal);
        var estimated = new List<string>();
        if (coverages.Count == 0)
        {
            foreach (var r in rows)
                targets[r.Code] = default;
            return (targets, [.. rows.Select(r => r.Code)]);
        }

        var latestYear = coverages.Max(c => c.Year);
        var population = rows.ToDictionary(r => r.Code, r => r.Population, StringComparer.Ordinal);
        var reference = coverages.Where(c => c.Year == latestYear).ToList();
        // Per current commune: Saint-Denis has two rows (its own and Pierrefitte's) but one population.
        decimal populationSum = reference.Select(c => c.CommuneCode).Distinct().Sum(c => population[c]);
        int Estimate(int population, Func<CnafCoverage, int> places) =>
            populationSum == 0 ? 0 : (int)Math.Round(reference.Sum(places) * population / populationSum, MidpointRounding.AwayFromZero);

        foreach (var r in rows)
        {
            if (latest.TryGetValue(r.Code, out var target))
            {
                targets[r.Code] = target;
            }
            else
            {
                targets[r.Code] = new OfferTargets(
                    Estimate(r.Population, x => x.PlacesEajePsu),
                    Estimate(r.Population, x => x.PlacesEajeNonPsu),
                    Estimate(r.Population, x => x.PlacesChildminders));
                estimated.Add(r.Code);
            }
        }
        return (targets, estimated);
    }

    private static async Task<SeedReport> WriteAsync(BerceauDbContext db, IReadOnlyList<DepartementPlan> plans, IReadOnlyList<string> requested, CancellationToken ct)
    {
        // Checked again inside the transaction: another process may have seeded since the plan was made.
        var present = await db.Departements.Select(d => d.Code).ToListAsync(ct);
        var knownIntercommunalities = (await db.Intercommunalities.Select(i => i.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = new List<DepartementPlan>();
        var intercommunalities = 0;

        foreach (var plan in plans.Where(p => !present.Contains(p.Departement.Code)))
        {
            db.Departements.Add(plan.Departement);
            var newIntercommunalities = plan.Intercommunalities.Where(i => knownIntercommunalities.Add(i.Code)).ToList();
            db.Intercommunalities.AddRange(newIntercommunalities);
            db.Communes.AddRange(plan.Communes);
            db.CnafCoverages.AddRange(plan.Coverages);
            db.CommuneBirths.AddRange(plan.Births);
            db.Facilities.AddRange(plan.Facilities);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            intercommunalities += newIntercommunalities.Count;
            added.Add(plan);
        }

        var facilities = added.SelectMany(p => p.Facilities).ToList();
        return new SeedReport
        {
            DepartementsAdded = [.. added.Select(p => p.Departement.Code)],
            DepartementsSkipped = [.. requested.Where(d => added.All(p => p.Departement.Code != d))],
            Intercommunalities = intercommunalities,
            Communes = added.Sum(p => p.Communes.Count),
            CnafCoverages = added.Sum(p => p.Coverages.Count),
            Births = added.Sum(p => p.Births.Count),
            Facilities = facilities.Count,
            Sections = facilities.Sum(f => f.Sections.Count),
            Vacancies = facilities.Sum(f => f.Vacancies.Count),
            FacilitiesByMode = facilities.GroupBy(f => f.Mode).ToDictionary(g => g.Key, g => g.Count()),
            PlacesByMode = facilities.GroupBy(f => f.Mode).ToDictionary(g => g.Key, g => g.Sum(f => f.Capacity)),
            CommunesWithEstimatedOffer = [.. added.SelectMany(p => p.EstimatedCommunes)],
        };
    }
}
