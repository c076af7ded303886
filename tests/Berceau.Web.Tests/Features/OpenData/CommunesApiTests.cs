using System.Net;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.OpenData;

[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class CommunesApiTests(BerceauApp app)
{
    [Fact]
    public async Task Communes_OfDepartement93_AreThe39CommunesOrderedByName()
    {
        var communes = await app.Client().GetJsonAsync("/api/v1/communes?departement=93");

        var list = communes.EnumerateArray().ToList();
        Assert.Equal(39, list.Count);
        Assert.All(list, c => Assert.Equal("93", c.GetProperty("departement").GetString()));
        var names = list.Select(c => c.GetProperty("nom").GetString()!).ToList();
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);
        Assert.Equal(names.Order(french), names);

        var saintDenis = Assert.Single(list, c => c.GetProperty("code").GetString() == "93066");
        Assert.Equal("Saint-Denis", saintDenis.GetProperty("nom").GetString());
        Assert.Contains("93200", saintDenis.GetProperty("codesPostaux").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Plaine Commune", saintDenis.GetProperty("ept").GetProperty("nom").GetString());
        Assert.True(saintDenis.GetProperty("population").GetInt32() > 100_000);
        Assert.True(saintDenis.GetProperty("structures").GetInt32() > 0);
    }

    [Fact]
    public async Task Communes_WithoutDepartement_ListsEveryCommune()
    {
        var communes = await app.Client().GetJsonAsync("/api/v1/communes");

        Assert.True(communes.GetArrayLength() >= 39);
    }

    [Fact]
    public async Task Communes_CountsAndPlaces_AreThoseOfTheOpenOffer()
    {
        var montreuil = (await app.Client().GetJsonAsync("/api/v1/communes?departement=93"))
            .EnumerateArray().Single(c => c.GetProperty("code").GetString() == OpenDataTestData.Montreuil);

        var today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);
        var (count, places) = await app.WithDbAsync(async db =>
        {
            var open = await db.Facilities.AsNoTracking().Include(f => f.Sections)
                .Where(f => f.CommuneCode == OpenDataTestData.Montreuil).ToListAsync();
            open = [.. open.Where(f => f.IsOpenOn(today))];
            return (open.Count, open.Sum(f => f.Capacity));
        });
        Assert.Equal(count, montreuil.GetProperty("structures").GetInt32());
        Assert.Equal(places, montreuil.GetProperty("places").GetInt32());
    }

    [Theory]
    [InlineData("9")]
    [InlineData("9300")]
    [InlineData("ABC")]
    [InlineData("20")]
    public async Task Communes_WithBadDepartement_Returns400NamingDepartement(string departement)
    {
        await app.Client().AssertProblemAsync($"/api/v1/communes?departement={departement}", HttpStatusCode.BadRequest, "departement");
    }

    [Theory]
    [InlineData("2A")]
    [InlineData("974")]
    [InlineData("75")]
    public async Task Communes_OfAValidDepartementWithoutData_ReturnsAnEmptyList(string departement)
    {
        var communes = await app.Client().GetJsonAsync($"/api/v1/communes?departement={departement}");

        Assert.Equal(0, communes.GetArrayLength());
    }
}
