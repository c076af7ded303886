using System.Net;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.OpenData;

[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class SimulatorApiTests(BerceauApp app)
{
    private const string Example = "/api/v1/simulateur?ressourcesAnnuelles=36000&enfants=1&handicap=false&heuresParSemaine=40&semainesParAn=45";

    [Fact]
    public async Task Simulate_36000EurosOneChild_GivesTheNationalPsuRate()
    {
        var result = await app.Client().GetJsonAsync(Example);

        var psu = result.GetProperty("psu");
        // 3,000 €/month × 0.0619 % = 1.857 €/h, rounded once at the end.
        Assert.Equal(1.86m, psu.GetProperty("tarifHoraire").GetDecimal());
        Assert.Equal(3000m, psu.GetProperty("ressourcesMensuellesRetenues").GetDecimal());
        Assert.Equal(0.000619m, psu.GetProperty("tauxEffort").GetDecimal());
        // 1.857 × 40 × 45 ÷ 12 = 278.55, from the unrounded hourly fee.
        Assert.Equal(278.55m, psu.GetProperty("coutMensuel").GetDecimal());
        Assert.Equal("2026-11-23", result.GetProperty("date").GetString());
        Assert.Contains("Estimation", result.GetProperty("avertissement").GetString());

        foreach (var mode in new[] { "assistantMaternel", "gardeDomicile" })
        {
            var estimate = result.GetProperty(mode);
            Assert.Equal(
                estimate.GetProperty("coutMensuel").GetDecimal(),
                estimate.GetProperty("cmg").GetDecimal() + estimate.GetProperty("resteACharge").GetDecimal());
            Assert.True(estimate.GetProperty("salaireHoraire").GetDecimal() > 0);
        }
        Assert.Equal(8.09m, result.GetProperty("assistantMaternel").GetProperty("salaireHoraire").GetDecimal());

        var parameters = result.GetProperty("parametres").EnumerateArray().ToList();
        var rate = Assert.Single(parameters, p => p.GetProperty("cle").GetString() == "psu.taux.collectif.1");
        Assert.Equal(0.000619m, rate.GetProperty("valeur").GetDecimal());
        Assert.Equal("2022-01-01", rate.GetProperty("depuis").GetString());
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("source").GetString())));
    }

    [Fact]
    public async Task Simulate_AmountsHaveAtMostTwoDecimals()
    {
        var result = await app.Client().GetJsonAsync("/api/v1/simulateur?ressourcesAnnuelles=41234.56&enfants=2&heuresParSemaine=37.5&semainesParAn=44");

        foreach (var (mode, field) in new[] { ("psu", "tarifHoraire"), ("psu", "coutMensuel"), ("assistantMaternel", "coutMensuel"),
                     ("assistantMaternel", "cmg"), ("assistantMaternel", "resteACharge"), ("gardeDomicile", "cmg"), ("gardeDomicile", "resteACharge") })
        {
            var value = result.GetProperty(mode).GetProperty(field).GetDecimal();
            Assert.Equal(Math.Round(value, 2), value);
        }
    }

    [Fact]
    public async Task Simulate_WithADisabledChild_AppliesTheNextBand()
    {
        var result = await app.Client().GetJsonAsync(Example.Replace("handicap=false", "handicap=true"));

        // 3,000 × 0.0516 % = 1.548 → 1.55.
        Assert.Equal(1.55m, result.GetProperty("psu").GetProperty("tarifHoraire").GetDecimal());
    }

    [Fact]
    public async Task Simulate_OnAPastDate_UsesTheParametersInForceThatDay()
    {
        var result = await app.Client().GetJsonAsync(Example + "&date=2025-10-01");

        Assert.Equal("2025-10-01", result.GetProperty("date").GetString());
        Assert.Equal(8.00m, result.GetProperty("assistantMaternel").GetProperty("salaireHoraire").GetDecimal());
        var cap = Assert.Single(result.GetProperty("parametres").EnumerateArray(), p => p.GetProperty("cle").GetString() == "cmg.am.salaire_horaire_max");
        Assert.Equal("2025-09-01", cap.GetProperty("depuis").GetString());
        Assert.Equal("2025-12-31", cap.GetProperty("jusquau").GetString());
    }

    [Fact]
    public async Task Simulate_WithGivenWages_UsesThem()
    {
        var result = await app.Client().GetJsonAsync(Example + "&salaireHoraireAm=5,50&salaireHoraireGardeDomicile=14");

        Assert.Equal(5.50m, result.GetProperty("assistantMaternel").GetProperty("salaireHoraire").GetDecimal());
        Assert.Equal(14m, result.GetProperty("gardeDomicile").GetProperty("salaireHoraire").GetDecimal());
        Assert.Equal(Math.Round(5.5m * 40 * 45 / 12, 2), result.GetProperty("assistantMaternel").GetProperty("coutMensuel").GetDecimal());
    }

    [Theory]
    [InlineData("enfants=1", "ressourcesAnnuelles")]
    [InlineData("ressourcesAnnuelles=beaucoup", "ressourcesAnnuelles")]
    [InlineData("ressourcesAnnuelles=-5", "ressourcesAnnuelles")]
    [InlineData("ressourcesAnnuelles=36000&enfants=0", "enfants")]
    [InlineData("ressourcesAnnuelles=36000&enfants=16", "enfants")]
    [InlineData("ressourcesAnnuelles=36000&enfants=1.5", "enfants")]
    [InlineData("ressourcesAnnuelles=36000&heuresParSemaine=70", "heuresParSemaine")]
    [InlineData("ressourcesAnnuelles=36000&heuresParSemaine=quarante", "heuresParSemaine")]
    [InlineData("ressourcesAnnuelles=36000&semainesParAn=53", "semainesParAn")]
    [InlineData("ressourcesAnnuelles=36000&handicap=peut-etre", "handicap")]
    [InlineData("ressourcesAnnuelles=36000&salaireHoraireAm=0.5", "salaireHoraireAm")]
    [InlineData("ressourcesAnnuelles=36000&salaireHoraireGardeDomicile=500", "salaireHoraireGardeDomicile")]
    [InlineData("ressourcesAnnuelles=36000&date=23/11/2026", "date")]
    [InlineData("ressourcesAnnuelles=36000&date=2010-01-01", "date")]
    public async Task Simulate_WithABadParameter_Returns400NamingIt(string query, string parameter)
    {
        await app.Client().AssertProblemAsync($"/api/v1/simulateur?{query}", HttpStatusCode.BadRequest, parameter);
    }
}
