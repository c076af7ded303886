using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Fees;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Admin;

/// <summary>
/// The fee parameters are shared by the whole app: each test changes its own key, and only from 2031 onwards, so that
/// the values in force on the test date (2026) that other tests rely on stay as seeded.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class FeeParametersTests(BerceauApp app)
{
    private const string Url = "/admin/parametres";

    private async Task<HttpClient> AdminAsync()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Admin, departement: "93");
        return await Accounts.SignInAsync(app, email, password);
    }

    private Task<List<FeeParameter>> HistoryAsync(string key) =>
        app.WithDbAsync(db => db.FeeParameters.AsNoTracking().Where(p => p.Key == key).OrderBy(p => p.ValidFrom).ToListAsync());

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string key, string from, string value, string source) =>
        Forms.PostFormAsync(client, Url, ("Input.Key", key), ("Input.ValidFrom", from), ("Input.Value", value), ("Input.Source", source));

    [Fact]
    public async Task Index_ListsEveryParameterWithItsPeriods()
    {
        var client = await AdminAsync();

        var html = await Forms.TextAsync(await client.GetAsync(Url));

        Assert.Contains("Plancher de ressources mensuelles", html);
        Assert.Contains("PSU : taux d’effort, accueil collectif", html);
        Assert.Contains("10 enfants et plus", html);
        Assert.Contains("data-key=\"psu.plancher\" data-from=\"2024-01-01\"", html);
        Assert.Contains("En vigueur", html);
    }

    [Theory]
    [InlineData("psu.taux.collectif.1", "01/01/2031", "0,05", "Circulaire", "La valeur doit être comprise entre 0 et 0,01.")]
    [InlineData("psu.taux.familial.2", "01/01/2031", "0", "Circulaire", "La valeur doit être comprise entre 0 et 0,01.")]
    [InlineData(FeeParameterKeys.CmgAmReferenceHourlyCost, "01/01/2031", "-4", "Décret", "La valeur doit être supérieure à 0.")]
    [InlineData(FeeParameterKeys.CmgMinimumFamilyShare, "01/01/2031", "1,5", "Décret", "La valeur doit être comprise entre 0 et 1.")]
    [InlineData(FeeParameterKeys.CmgAmHourlyWageCap, "01/01/2031", "huit", "Décret", "Saisissez un nombre.")]
    [InlineData(FeeParameterKeys.CmgAmHourlyWageCap, "01/01/2031", "8,1234567", "Décret", "Saisissez au plus 6 chiffres après la virgule.")]
    [InlineData(FeeParameterKeys.CmgAmHourlyWageCap, "01/01/2031", "8,50", "", "Indiquez la source de la valeur (texte officiel, circulaire, délibération…).")]
    [InlineData(FeeParameterKeys.CmgAmHourlyWageCap, "31/02/2031", "8,50", "Décret", "Saisissez une date valide, par exemple 01/09/2026.")]
    [InlineData(FeeParameterKeys.PsuFloor, "01/01/2026", "900", "Barème", "La date doit être postérieure au 01/01/2026, début de la dernière valeur de ce paramètre.")]
    [InlineData(FeeParameterKeys.PsuFloor, "01/01/2031", "9000", "Barème", "Le paramètre « Plancher de ressources mensuelles » dépasse le paramètre « Plafond de ressources mensuelles » le 01/01/2031.")]
    [InlineData("inconnu", "01/01/2031", "1", "Barème", "Cette valeur n’est pas reconnue.")]
    public async Task Add_WithBadInput_ShowsFrenchErrorAndSavesNothing(string key, string from, string value, string source, string expected)
    {
        var client = await AdminAsync();
        var before = await HistoryAsync(key);

        var response = await AddAsync(client, key, from, value, source);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { expected }, await Forms.ErrorSummaryAsync(response));
        Assert.Equal(before, await HistoryAsync(key));
    }

    [Fact]
    public async Task Add_WithGoodInput_ClosesTheOpenPeriodTheDayBefore()
    {
        var client = await AdminAsync();
        const string key = FeeParameterKeys.SimulatorGardeDomicileDefaultHourlyWage;

        var response = await AddAsync(client, key, "01/01/2031", "13,50", "Hypothèse de test");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = await HistoryAsync(key);
        var previous = history[^2];
        var added = history[^1];
        Assert.Equal(new DateOnly(2030, 12, 31), previous.ValidTo);
        Assert.Equal(new FeeParameter(key, new DateOnly(2031, 1, 1), null, 13.50m, "Hypothèse de test"), added);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "parametre-tarifaire-ajoute" && a.EntityId == key + "@2031-01-01")));
        var page = await Forms.TextAsync(await client.GetAsync(Url));
        Assert.Contains("Nouvelle valeur de « Salaire horaire supposé, garde à domicile » enregistrée à partir du 01/01/2031.", page);
    }

    [Fact]
    public async Task Add_TwiceForTheSameKey_KeepsOneValuePerDay()
    {
        var client = await AdminAsync();
        const string key = FeeParameterKeys.CmgGardeDomicileReferenceHourlyCost;

        await AddAsync(client, key, "2031-07-01", "11.20", "Décret de test");
        var again = await AddAsync(client, key, "01/07/2031", "11,30", "Décret de test");

        Assert.StartsWith("La date doit être postérieure au 01/07/2031", Assert.Single(await Forms.ErrorSummaryAsync(again)));
        var history = await HistoryAsync(key);
        Assert.Equal(11.20m, history[^1].Value);
        for (var i = 1; i < history.Count; i++)
            Assert.Equal(history[i].ValidFrom.AddDays(-1), history[i - 1].ValidTo);
    }

    [Fact]
    public async Task Add_WithoutAntiforgeryToken_Returns400()
    {
        var client = await AdminAsync();
        const string key = FeeParameterKeys.CmgGardeDomicileRateMultiplier;
        var before = await HistoryAsync(key);

        var response = await client.PostAsync(Url, new FormUrlEncodedContent(
        [
            KeyValuePair.Create("Input.Key", key), KeyValuePair.Create("Input.ValidFrom", "01/01/2031"),
            KeyValuePair.Create("Input.Value", "3"), KeyValuePair.Create("Input.Source", "Sans jeton"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await HistoryAsync(key));
    }

    [Fact]
    public async Task Index_WhenDirector_IsForbidden()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Director, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès refusé", await Forms.TextAsync(response));
    }
}
