using System.Net;
using System.Text;
using Berceau.Data.Import;
using Berceau.Data.Seed;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Observatory;

/// <summary>
/// Import of the Cnaf and INSEE files (ObservatoryImport): idempotent, all-or-nothing, line-level errors. The tests write
/// years 2031 and later (the seeded history is 2017–2022), on communes 93053 (Noisy-le-Sec) and 93055 (Pantin).
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class ObservatoryImportTests(BerceauApp app)
{
    private Task<ObservatoryImportReport> CnafAsync(string text, string name = "cnaf.csv") =>
        app.WithDbAsync(db => ObservatoryImport.CnafAsync(db, CsvFile.Parse(name, text)));

    private Task<ObservatoryImportReport> InseeAsync(string text, string name = "insee.csv") =>
        app.WithDbAsync(db => ObservatoryImport.InseeAsync(db, CsvFile.Parse(name, text)));

    private Task<int> RowsAsync(int year) => app.WithDbAsync(db => db.CnafCoverages.CountAsync(c => c.Year == year));

    [Fact]
    public async Task TheShippedCnafFile_ImportedAgainOverTheSeed_ChangesNothing()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(DataFiles.DefaultFolder, DataFiles.CnafCoverage));

        var report = await CnafAsync(text, DataFiles.CnafCoverage);

        Assert.True(report.ChangedNothing, report.ToString());
        Assert.Equal(216, report.Unchanged);           // the 93: 36 rows × 6 years
        Assert.Equal(204, report.SkippedElsewhere);    // the 92 is not deployed here
    }

    [Fact]
    public async Task TheShippedBirthsFile_ImportedAgainOverTheSeed_ChangesNothing()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(DataFiles.DefaultFolder, DataFiles.Births));

        var report = await InseeAsync(text, DataFiles.Births);

        Assert.True(report.ChangedNothing, report.ToString());
        Assert.Equal(39, report.Unchanged);
    }

    [Fact]
    public async Task ANewYear_IsAdded_ThenReimportingTheSameFileChangesNothing_AndACorrectionUpdatesOnlyItsRow()
    {
        var file = ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2031, "93053"), ObservatoryFiles.CnafRow(2031, "93055"));

        var first = await CnafAsync(file);
        var again = await CnafAsync(file);
        var corrected = await CnafAsync(ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2031, "93053"), ObservatoryFiles.CnafRow(2031, "93055", psu: 310, globalRate: "50.9")));

        Assert.Equal((2, 0, 0), (first.Added, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal((0, 1, 1), (corrected.Added, corrected.Updated, corrected.Unchanged));
        var pantin = await app.WithDbAsync(db => db.CnafCoverages.AsNoTracking().SingleAsync(c => c.SourceCommuneCode == "93055" && c.Year == 2031));
        Assert.Equal(310, pantin.PlacesEajePsu);
        Assert.Equal(50.9m, pantin.GlobalRate);
        Assert.Equal(1000m, (await app.WithDbAsync(db => db.CnafCoverages.AsNoTracking().SingleAsync(c => c.SourceCommuneCode == "93053" && c.Year == 2031))).ChildrenUnder3);
    }

    [Fact]
    public async Task AFormerCommuneCode_IsStoredUnderItsCurrentCommune()
    {
        await CnafAsync(ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2032, "93059", current: "93066")));

        var row = await app.WithDbAsync(db => db.CnafCoverages.AsNoTracking().SingleAsync(c => c.SourceCommuneCode == "93059" && c.Year == 2032));
        Assert.Equal("93066", row.CommuneCode);
    }

    [Theory]
    [InlineData("places_total", 1, null, "la colonne « places_total » est absente de l’en-tête")]
    [InlineData("psu", 3, "8 (places_eaje_psu)", "« beaucoup » n’est pas un nombre entier")]
    [InlineData("negative", 3, "8 (places_eaje_psu)", "un nombre de places ne peut pas être négatif")]
    [InlineData("rate", 3, "23 (taux_global)", "« 50,0 » n’est pas un nombre")]
    [InlineData("precision", 3, "23 (taux_global)", "une décimale au plus")]
    [InlineData("commune", 3, "24 (code_commune_actuel)", "la commune 93999 n’existe pas dans le département 93")]
    [InlineData("duplicate", 3, "2 (code_commune)", "la commune 93053 a déjà une ligne pour 2033 (ligne 2)")]
    [InlineData("columns", 3, "3", "24 colonnes attendues, 2 trouvées")]
    [InlineData("year", 3, "1 (annee)", "« 1850 » n’est pas une année plausible")]
    public async Task AWrongLine_RefusesTheWholeFile_WithItsLineColumnAndReason(string fault, int line, string? column, string reason)
    {
        var good = ObservatoryFiles.CnafRow(2033, "93053");
        var bad = fault switch
        {
            "psu" => ObservatoryFiles.CnafRow(2033, "93055").Replace(",300,", ",beaucoup,"),
            "negative" => ObservatoryFiles.CnafRow(2033, "93055", psu: -3),
            "rate" => ObservatoryFiles.CnafRow(2033, "93055", globalRate: "\"50,0\""),
            "precision" => ObservatoryFiles.CnafRow(2033, "93055", globalRate: "50.05"),
            "commune" => ObservatoryFiles.CnafRow(2033, "93999"),
            "duplicate" => ObservatoryFiles.CnafRow(2033, "93053"),
            "columns" => "2033,93055",
            "year" => ObservatoryFiles.CnafRow(1850, "93055"),
            _ => ObservatoryFiles.CnafRow(2033, "93055"),
        };
        var text = fault == "places_total"
            ? ObservatoryFiles.Cnaf(good, bad).Replace(",places_total,", ",places_totales,")
            : ObservatoryFiles.Cnaf(good, bad);

        var e = await Assert.ThrowsAsync<ImportException>(() => CnafAsync(text));

        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(reason, e.Detail);
        Assert.Equal(0, await RowsAsync(2033));   // the good line 2 was not written either
    }

    [Fact]
    public async Task InseeFile_WithChildrenUnder3_IsStored_AndTheApiUsesItAsTheDenominatorWithoutEstimate()
    {
        // The 2022 children of Noisy-le-Sec as INSEE estimates: the API then computes with them and says it is no estimate.
        var text = "code_insee_cog2021,code_insee_actuel,naissances_domiciliees_2022,enfants_moins_3_ans_2022,note\n93053,93053,800,2400.5,\n";

        var first = await InseeAsync(text);
        var again = await InseeAsync(text);

        Assert.Equal((2, 0), (first.Added, first.Updated));
        Assert.True(again.ChangedNothing);
        var json = await app.Client().GetJsonAsync("/api/v1/indicateurs/couverture?commune=93053&annee=2022");
        var cnaf = await app.WithDbAsync(db => db.CnafCoverages.AsNoTracking().SingleAsync(c => c.SourceCommuneCode == "93053" && c.Year == 2022));
        Assert.Equal(2400.5m, json.GetProperty("enfantsMoinsDe3Ans").GetDecimal());
        Assert.Equal(Domain.Observatory.Coverage.Rate(cnaf.PlacesTotal, 2400.5m), json.GetProperty("calcule").GetDecimal());
        Assert.Equal(cnaf.GlobalRate, json.GetProperty("publie").GetDecimal());
        Assert.False(json.GetProperty("estimation").GetBoolean());
    }

    [Theory]
    [InlineData("code_insee_cog2021,code_insee_actuel,note\n93053,93053,\n", 1, "aucune colonne de données")]
    [InlineData("code_insee_cog2021,code_insee_actuel,naissances_domiciliees_2034\n93053,93053,-4\n", 2, "ne peut pas être négatif")]
    [InlineData("code_insee_cog2021,code_insee_actuel,naissances_domiciliees_2034\n93053,93053,4\n93999,93999,5\n", 3, "la commune 93999 n’existe pas")]
    [InlineData("code_insee_cog2021,code_insee_actuel,naissances_domiciliees_2034\n93053,93053,4\n93053,93053,5\n", 3, "figure déjà ligne 2")]
    [InlineData("code_insee_cog2021,code_insee_actuel,enfants_moins_3_ans_2034\n93053,93053,beaucoup\n", 2, "n’est pas un nombre")]
    public async Task InseeFile_WithAWrongLine_IsRefused_AndWritesNothing(string text, int line, string reason)
    {
        var e = await Assert.ThrowsAsync<ImportException>(() => InseeAsync(text));

        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Detail);
        Assert.Equal(0, await app.WithDbAsync(db => db.CommuneBirths.CountAsync(b => b.Year == 2034)));
    }

    [Fact]
    public async Task AdminPage_ImportsAFile_ThenSaysTheSecondImportChangedNothing_AndAuditsBoth()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Observatory, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);
        var file = ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2035, "93053"));

        var first = await ObservatoryFiles.UploadAsync(client, "Cnaf", file, "cnaf-2035.csv");
        var firstPage = await Forms.TextAsync(await client.GetAsync(first.Headers.Location!.OriginalString));
        var second = await ObservatoryFiles.UploadAsync(client, "Cnaf", file, "cnaf-2035.csv");
        var secondPage = await Forms.TextAsync(await client.GetAsync(second.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("1 ligne(s) ajoutée(s)", firstPage);
        Assert.Contains("Rien n’a changé", secondPage);
        Assert.Equal(1, await RowsAsync(2035));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "import-observatoire" && a.Details == "cnaf-2035.csv")));
    }

    [Theory]
    [InlineData("Cnaf", "bad", "cnaf.csv", "ligne 3", "Import refusé, rien n’a été enregistré")]
    [InlineData("Cnaf", "good", "cnaf.txt", null, "Le fichier doit être un CSV")]
    [InlineData("", "good", "cnaf.csv", null, "Choisissez le type de fichier")]
    [InlineData("Autre", "good", "cnaf.csv", null, "Choisissez le type de fichier")]
    [InlineData("Cnaf", "empty", "cnaf.csv", null, "Choisissez un fichier CSV")]
    [InlineData("Cnaf", "latin1", "cnaf.csv", null, "n’est pas en UTF-8")]
    public async Task AdminPage_RefusesAWrongUpload_InFrench_AndWritesNothing(string kind, string content, string fileName, string? where, string message)
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin);
        var client = await Accounts.SignInAsync(app, email, password);
        var text = content switch
        {
            "bad" => ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2036, "93053"), ObservatoryFiles.CnafRow(2036, "93999")),
            "empty" => "",
            "latin1" => ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2036, "93053")).Replace("NOISY LE SEC", "NOISY-LE-SEC É"),
            _ => ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2036, "93053")),
        };

        var response = await ObservatoryFiles.UploadAsync(client, kind, text, fileName, content == "latin1" ? Encoding.Latin1 : null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await Forms.ErrorSummaryAsync(response);
        var error = Assert.Single(errors, e => e.Contains(message, StringComparison.Ordinal));
        if (where is not null) Assert.Contains(where, error);
        Assert.Equal(0, await RowsAsync(2036));
    }

    [Fact]
    public async Task AdminPage_IsForAdminAndObservatoire_NotForOtherStaff()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: "93053");
        var agent = await Accounts.SignInAsync(app, email, password);

        var page = await agent.GetAsync("/admin/observatoire/import");
        var anonymous = await app.Client().GetAsync("/admin/observatoire/import");

        Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, page.StatusCode.ToString());
        if (page.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("acces-refuse", page.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("connexion", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AdminPage_WithoutTheAntiforgeryToken_IsRefused()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin);
        var client = await Accounts.SignInAsync(app, email, password);
        using var form = new MultipartFormDataContent { { new StringContent("Cnaf"), "Kind" } };
        form.Add(new StringContent(ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2037, "93053"))), "Upload", "cnaf.csv");

        var response = await client.PostAsync("/admin/observatoire/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await RowsAsync(2037));
    }
}
